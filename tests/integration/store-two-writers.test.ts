import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import { bundleFromClient, serializeBundle } from '../../shared/bundle/convert.ts';
import type { Api } from '../../shared/contract/index.ts';
import { createI18n } from '../../shared/i18n/index.ts';
import type { Client } from '../../shared/types/client.ts';
import { ClientStore } from '../../main/store/client-store.ts';
import { startBrowserMode } from '../support/browser-mode.ts';
import { browserModeInvoke } from '../support/browser-mode-api.ts';
import { runCli } from '../support/cli-process.ts';
import { tempDir } from '../support/temp-dir.ts';

const rounds = 200;
/** CLI runs at a time: two, so imports also meet each other, and the test takes half as long. */
const cliLanes = 2;
/** The app keeps this many of its own clients: past it, each create is followed by a delete. */
const appKeeps = 8;
/** Far longer than one import takes on a busy machine: only a hung process ends the test. */
const importLimitMs = 120_000;

async function bundleFile(folder: string, name: string): Promise<string> {
  const at = new Date().toISOString();
  const client: Client = {
    id: randomUUID(),
    name,
    integrations: ['jacquard'],
    createdAt: at,
    updatedAt: at,
    inputs: { 'jacquard.s3Folder': name.toLowerCase().replaceAll(' ', '-') },
    confirmations: {},
    secrets: {},
    checkResults: {},
    artifacts: {},
  };
  const file = join(folder, `${client.id}.json`);
  await writeFile(file, serializeBundle(await bundleFromClient(client)));
  return file;
}

/**
 * The app's side: creates clients and deletes its oldest ones, one request at a time, until told
 * to stop. Every write the app acknowledged is counted; the clients it should still have are
 * returned. A lost create leaves a client missing, a lost delete brings one back.
 */
async function appWrites(
  invoke: Api['invoke'],
  done: () => boolean,
): Promise<{ kept: string[]; writes: number }> {
  const kept: Array<{ id: string; name: string }> = [];
  let writes = 0;
  for (let n = 1; !done(); n++) {
    const name = `App client ${n}`;
    const created = await invoke('clients:create', { name, integrations: ['optimizely'] });
    assert.ok(created.ok, `the app refused to create ${name}: ${JSON.stringify(created)}`);
    kept.push({ id: created.value.id, name });
    writes++;
    if (kept.length <= appKeeps) continue;
    const oldest = kept.shift();
    assert.ok(oldest);
    const deleted = await invoke('clients:delete', { id: oldest.id });
    assert.ok(deleted.ok, `the app refused to delete ${oldest.name}: ${JSON.stringify(deleted)}`);
    writes++;
  }
  return { kept: kept.map((c) => c.name), writes };
}

test(`the app and ${rounds} CLI imports saving at the same time lose no acknowledged save`, async (t) => {
  const home = await tempDir(t, 'partner-setup-two-writers-');
  const bundles = await tempDir(t);
  const server = await startBrowserMode({ home });
  t.after(() => server.stop());
  const invoke = await browserModeInvoke(server);
  const env = { ...process.env, PARTNER_SETUP_HOME: home, NO_COLOR: '1' };
  const en = createI18n('en');

  let importsDone = false;
  let appFailed = false;
  let started = 0;
  const imported: string[] = [];
  const cliLane = async (): Promise<void> => {
    while (started < rounds && !appFailed) {
      const name = `CLI import ${++started}`;
      const file = await bundleFile(bundles, name);
      const run = await runCli(['import', file], env, { timeoutMs: importLimitMs });
      assert.equal(run.code, 0, `${name}: ${run.stderr}`);
      assert.equal(run.stdout.trim(), en.t('reports:cli.imported', { name }));
      imported.push(name);
    }
  };
  const cliImports = Promise.all(Array.from({ length: cliLanes }, cliLane)).finally(
    () => (importsDone = true),
  );
  const appSaves = appWrites(invoke, () => importsDone).catch((error: unknown) => {
    appFailed = true;
    throw error;
  });
  const [app] = await Promise.all([appSaves, cliImports]);
  await server.stop();

  t.diagnostic(`acknowledged: ${imported.length} imports, ${app.writes} app saves`);
  const saved = (await ClientStore.open(home)).list().map((c) => c.name);
  const expected = [...imported, ...app.kept];
  assert.deepEqual(
    saved.toSorted(),
    expected.toSorted(),
    'a save was lost (a missing client) or undone (a deleted one back)',
  );
});
