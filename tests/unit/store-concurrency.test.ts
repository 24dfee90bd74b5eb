import assert from 'node:assert/strict';
import { readFile, stat, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import { ClientStore } from '../../main/store/client-store.ts';
import { storeFileName } from '../../main/store/paths.ts';
import { tempDir } from '../support/temp-dir.ts';

// Two stores on one home stand in for the app and a CLI run: each keeps its own copy in memory.

const names = async (home: string): Promise<string[]> =>
  (await ClientStore.open(home)).list().map((c) => c.name);

test('a client the CLI saves while the app is still reading the store at start is kept', async (t) => {
  const home = await tempDir(t);
  const cli = await ClientStore.open(home);
  await cli.create({ name: 'Acme Retail', integrations: ['jacquard'] });
  let cliHasSaved = false;
  const app = await ClientStore.open(home, {
    // The CLI's save lands right after the app read the file, before it took note of it.
    afterRead: async () => {
      if (cliHasSaved) return;
      cliHasSaved = true;
      await cli.create({ name: 'Globex Travel', integrations: ['optimizely'] });
    },
  });
  assert.ok(cliHasSaved, 'the CLI saved in the gap');
  await app.create({ name: 'Initech Media', integrations: ['jacquard'] });
  assert.deepEqual(await names(home), ['Acme Retail', 'Globex Travel', 'Initech Media']);
});

test('a save that leaves the file with the same inode, time and size is still noticed', async (t) => {
  // After a rename the freed inode is handed to the next file, and a file's time only moves by
  // the clock's tick: two saves within one tick, with the same length, look alike on the outside.
  const home = await tempDir(t);
  const file = join(home, storeFileName);
  const cli = await ClientStore.open(home);
  const acme = await cli.create({ name: 'Acme Retail', integrations: ['jacquard'] });
  // A whole second, which file times keep exactly.
  const tick = new Date('2026-12-07T10:00:00Z');
  await utimes(file, tick, tick);
  const app = await ClientStore.open(home);
  const before = await stat(file);
  const renamed = (await readFile(file, 'utf8')).replace('"Acme Retail"', '"Acme Outlet"');
  await writeFile(file, renamed);
  await utimes(file, tick, tick);
  const after = await stat(file);
  assert.deepEqual(
    [after.ino, after.mtimeMs, after.size],
    [before.ino, before.mtimeMs, before.size],
  );

  await app.update(acme.id, (c) => void (c.inputs['jacquard.s3Folder'] = 'acme'));
  const saved = (await ClientStore.open(home)).get(acme.id);
  assert.equal(saved.name, 'Acme Outlet', 'the other save was overwritten');
  assert.equal(saved.inputs['jacquard.s3Folder'], 'acme');
});
