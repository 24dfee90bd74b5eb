import assert from 'node:assert/strict';
import { readdir, readFile, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import { AppError } from '../../shared/errors.ts';
import { ClientStore } from '../../main/store/client-store.ts';
import { storeVersion } from '../../main/store/schema.ts';
import { resolveHome } from '../../main/store/paths.ts';
import { tempDir } from '../support/temp-dir.ts';

test('clients and settings survive a restart', async (t) => {
  const home = await tempDir(t);
  const store = await ClientStore.open(home);
  const acme = await store.create({
    name: '  Acme Retail ',
    integrations: ['jacquard', 'optimizely'],
  });
  await store.update(acme.id, (c) => {
    c.inputs['jacquard.s3Folder'] = 'acme-retail';
  });
  await store.updateSettings({ language: 'de', csmName: 'Dana' });

  const reopened = await ClientStore.open(home);
  assert.equal(reopened.issue, null);
  const back = reopened.get(acme.id);
  assert.equal(back.name, 'Acme Retail');
  assert.deepEqual(back.integrations, ['jacquard', 'optimizely']);
  assert.equal(back.inputs['jacquard.s3Folder'], 'acme-retail');
  assert.equal(reopened.settings().language, 'de');
  assert.equal(reopened.findByName('acme retail')?.id, acme.id);
});

test('removing a client keeps the others, and an unknown id is NOT_FOUND', async (t) => {
  const store = await ClientStore.open(await tempDir(t));
  const a = await store.create({ name: 'A', integrations: ['jacquard'] });
  const b = await store.create({ name: 'B', integrations: ['optimizely'] });
  await store.remove(a.id);
  assert.deepEqual(
    store.list().map((c) => c.id),
    [b.id],
  );
  await assert.rejects(
    store.remove(a.id),
    (e: unknown) => e instanceof AppError && e.code === 'NOT_FOUND',
  );
  assert.throws(
    () => store.get(a.id),
    (e: unknown) => e instanceof AppError && e.code === 'NOT_FOUND',
  );
});

test('an update that would make the client invalid is refused and nothing is saved', async (t) => {
  const home = await tempDir(t);
  const store = await ClientStore.open(home);
  const a = await store.create({ name: 'A', integrations: ['jacquard'] });
  const before = await readFile(join(home, 'store.json'), 'utf8');
  await assert.rejects(
    store.update(a.id, (c) => {
      c.integrations = [];
    }),
  );
  assert.equal(await readFile(join(home, 'store.json'), 'utf8'), before);
  assert.deepEqual(store.get(a.id).integrations, ['jacquard']);
});

test('a corrupt store file is moved aside and reported, not silently reset', async (t) => {
  const home = await tempDir(t);
  await writeFile(join(home, 'store.json'), '{"version": 1, "clients": [tru');
  const store = await ClientStore.open(home);
  assert.equal(store.issue?.kind, 'corrupt');
  assert.deepEqual(store.list(), []);
  const aside = await readFile(store.issue.movedTo, 'utf8');
  assert.equal(aside, '{"version": 1, "clients": [tru');
  assert.ok((await readdir(home)).some((f) => f.startsWith('store.corrupt-')));
});

test('the notice outlives restarts (the CLI may have found the damage) until the CSM dismisses it', async (t) => {
  const home = await tempDir(t);
  await writeFile(join(home, 'store.json'), '{"version": 1, "clients": [tru');
  const cli = await ClientStore.open(home);
  const movedTo = cli.issue?.movedTo;
  await cli.create({ name: 'Acme Retail', integrations: ['jacquard'] });

  const app = await ClientStore.open(home);
  assert.deepEqual(app.issue, { kind: 'corrupt', movedTo });
  assert.deepEqual(
    app.list().map((c) => c.name),
    ['Acme Retail'],
  );
  await app.dismissIssue();
  assert.equal(app.issue, null);
  assert.equal((await ClientStore.open(home)).issue, null, 'dismissed for good');
  assert.equal(await readFile(movedTo ?? '', 'utf8'), '{"version": 1, "clients": [tru');
});

test('a store written by a newer app is kept aside with its own label', async (t) => {
  const home = await tempDir(t);
  const newer = JSON.stringify({ version: storeVersion + 1, settings: {}, clients: [] });
  await writeFile(join(home, 'store.json'), newer);
  const store = await ClientStore.open(home);
  assert.equal(store.issue?.kind, 'newer-version');
  assert.equal(await readFile(store.issue.movedTo, 'utf8'), newer);
});

test('a valid JSON file with a wrong shape counts as corrupt', async (t) => {
  const home = await tempDir(t);
  await writeFile(
    join(home, 'store.json'),
    JSON.stringify({ version: 1, settings: { language: 'xx' }, clients: [] }),
  );
  const store = await ClientStore.open(home);
  assert.equal(store.issue?.kind, 'corrupt');
});

test('two processes writing the same store do not lose each other’s changes', async (t) => {
  const home = await tempDir(t);
  const app = await ClientStore.open(home);
  const cli = await ClientStore.open(home);
  const client = await app.create({ name: 'Shared', integrations: ['jacquard'] });
  await cli.refresh();
  await Promise.all([
    app.update(client.id, (c) => {
      c.inputs['jacquard.s3Folder'] = 'shared';
    }),
    cli.update(client.id, (c) => {
      c.inputs['jacquard.currentName'] = 'Jacquard clicks';
    }),
  ]);
  const final = (await ClientStore.open(home)).get(client.id);
  assert.equal(final.inputs['jacquard.s3Folder'], 'shared');
  assert.equal(final.inputs['jacquard.currentName'], 'Jacquard clicks');
});

test('the store file is readable by its owner only', async (t) => {
  const home = await tempDir(t);
  const store = await ClientStore.open(home);
  await store.create({ name: 'A', integrations: ['jacquard'] });
  const { stat } = await import('node:fs/promises');
  assert.equal((await stat(join(home, 'store.json'))).mode & 0o077, 0);
});

test('the home folder follows PARTNER_SETUP_HOME, else the platform’s app-data folder', () => {
  assert.equal(resolveHome({ PARTNER_SETUP_HOME: '/tmp/x' }, 'linux', '/home/u'), '/tmp/x');
  assert.equal(resolveHome({}, 'linux', '/home/u'), '/home/u/.config/Partner Setup Assistant');
  assert.equal(
    resolveHome({ XDG_CONFIG_HOME: '/cfg' }, 'linux', '/home/u'),
    '/cfg/Partner Setup Assistant',
  );
  assert.equal(
    resolveHome({}, 'darwin', '/Users/u'),
    '/Users/u/Library/Application Support/Partner Setup Assistant',
  );
  assert.equal(
    resolveHome({ APPDATA: 'C:\\Users\\u\\AppData\\Roaming' }, 'win32', 'C:\\Users\\u'),
    'C:\\Users\\u\\AppData\\Roaming\\Partner Setup Assistant',
  );
});

test('temp files left by a save that was killed are cleaned up, a fresh one is left alone', async (t) => {
  const home = await tempDir(t);
  await (await ClientStore.open(home)).create({ name: 'A', integrations: ['jacquard'] });
  const old = join(home, 'store.json.123456789');
  const fresh = join(home, 'store.json.987654321');
  await writeFile(old, '{"half": ');
  await writeFile(fresh, '{"half": ');
  const hourAgo = new Date(Date.now() - 3_600_000);
  await utimes(old, hourAgo, hourAgo);
  const reopened = await ClientStore.open(home);
  const files = await readdir(home);
  assert.ok(!files.includes('store.json.123456789'));
  assert.ok(files.includes('store.json.987654321'));
  assert.equal(reopened.list().length, 1);
});
