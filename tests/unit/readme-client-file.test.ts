import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { test } from 'node:test';
import { parseBundle } from '../../shared/bundle/parse.ts';
import { clientFromFile } from '../../shared/client-file.ts';

const root = new URL('../../', import.meta.url);
const readme = () => readFile(new URL('README.md', root), 'utf8');

/** A docs/ example: valid as a client file, and shown in README exactly as it is. */
async function checkedExample(name: string) {
  const example = await readFile(new URL(`docs/${name}`, root), 'utf8');
  const parsed = await parseBundle(example, { requireChecksum: false });
  assert.ok(parsed.ok, parsed.ok ? '' : JSON.stringify(parsed.problem));
  assert.ok((await readme()).includes(example.trim()), `README must show docs/${name} as it is`);
  return parsed.bundle;
}

test('the client-file example is valid and is the one README shows', async () => {
  await checkedExample('client-file.example.json');
});

test('the local-services example points Braze, S3 and ODP at this computer', async () => {
  const client = clientFromFile(await checkedExample('client-file.local.example.json'), 'local');
  assert.equal(client.inputs['braze.instance'], 'custom');
  for (const input of ['braze.restEndpoint', 'jacquard.s3Endpoint', 'odp.apiBase']) {
    assert.match(client.inputs[input] ?? '', /^http:\/\/127\.0\.0\.1:\d+$/, input);
  }
});
