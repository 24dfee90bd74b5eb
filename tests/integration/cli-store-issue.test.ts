import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import { ClientStore } from '../../main/store/client-store.ts';
import { runCliIsolated } from '../support/cli-process.ts';
import { tempDir } from '../support/temp-dir.ts';

test('the CLI says at once when it finds the saved data unreadable, and the app still hears of it', async (t) => {
  const home = await tempDir(t);
  const newer = JSON.stringify({ version: 99, settings: {}, clients: [{ name: 'Acme' }] });
  await writeFile(join(home, 'store.json'), newer);

  const res = await runCliIsolated(['export', '--client', 'Acme'], { PARTNER_SETUP_HOME: home });
  assert.equal(res.code, 2, res.stderr);
  const [notice, error, ...rest] = res.stderr.trimEnd().split('\n');
  assert.match(
    notice ?? '',
    /^Saved data could not be read\. .*newer version.* moved aside to \S+store\.newer-version-\S+\.json/,
  );
  assert.match(error ?? '', /Acme/);
  assert.deepEqual(rest, []);

  const movedTo = /moved aside to (\S+\.json)/.exec(notice ?? '')?.[1] ?? '';
  assert.equal(await readFile(movedTo, 'utf8'), newer, 'nothing was lost');
  // The app, started later, shows the same notice.
  assert.deepEqual((await ClientStore.open(home)).issue, { kind: 'newer-version', movedTo });
});
