import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { it } from 'node:test';

const root = join(import.meta.dirname, '..', '..');
const partnerName = /jacquard|optimizely|\bodp\b/i;

/** Where a partner may be named: its own folders and the three registries. */
const allowed = [
  /^(main|shared|renderer\/src)\/integrations\/[a-z0-9-]+\//,
  /^(main|shared|renderer\/src)\/integrations\/registry\.ts$/,
];
async function sourceFiles(dir: string): Promise<string[]> {
  const entries = await readdir(join(root, dir), { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && /\.(ts|tsx|json|css|html)$/.test(e.name))
    .map((e) => relative(root, join(e.parentPath, e.name)));
}

it('only the integrations’ own folders and the registries name a partner', async () => {
  const files = [
    ...(await sourceFiles('main')),
    ...(await sourceFiles('shared')),
    ...(await sourceFiles('renderer')),
  ];
  const naming: string[] = [];
  for (const file of files) {
    if (allowed.some((rule) => rule.test(file))) continue;
    if (partnerName.test(await readFile(join(root, file), 'utf8'))) naming.push(file);
  }
  assert.deepEqual(naming.sort(), []);
});
