import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { test } from 'node:test';
import { parseBundle } from '../../shared/bundle/parse.ts';

const root = new URL('../../', import.meta.url);

test('the client-file example is valid and is the one README shows', async () => {
  const example = await readFile(new URL('docs/client-file.example.json', root), 'utf8');
  const parsed = await parseBundle(example, { requireChecksum: false });
  assert.ok(parsed.ok, parsed.ok ? '' : JSON.stringify(parsed.problem));
  const readme = await readFile(new URL('README.md', root), 'utf8');
  assert.ok(
    readme.includes(example.trim()),
    'README must show docs/client-file.example.json as it is',
  );
});
