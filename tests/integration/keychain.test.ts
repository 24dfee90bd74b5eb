import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { dispatch } from '../../main/handlers/dispatch.ts';
import { createHandlerTable } from '../../main/handlers/table.ts';
import { KeyringSecretStore } from '../../main/keychain/keyring-store.ts';
import { keychainService } from '../../main/keychain/secret-store.ts';
import { createServices } from '../../main/services.ts';
import { ClientStore } from '../../main/store/client-store.ts';
import { handlerCaller } from '../support/handler-caller.ts';
import { tempDir } from '../support/temp-dir.ts';

const run = promisify(execFile);
const child = fileURLToPath(new URL('../support/keychain-child.ts', import.meta.url));

// These tests need the real Secret Service that scripts/with-keyring.sh starts for `npm test`.
const messages = () => ({ unavailable: 'unavailable', locked: 'locked' });

async function secretTool(account: string): Promise<string | null> {
  try {
    const { stdout } = await run('secret-tool', [
      'lookup',
      'service',
      keychainService,
      'username',
      account,
    ]);
    return stdout;
  } catch {
    return null;
  }
}

test('a secret goes into the real Secret Service under <clientId>/<name>, and comes out again', async () => {
  const store = new KeyringSecretStore(messages);
  const clientId = randomUUID();
  await store.set(clientId, 'odp.apiKey', 'private-eu1.0123456789abcdef');
  assert.equal(await secretTool(`${clientId}/odp.apiKey`), 'private-eu1.0123456789abcdef');
  assert.equal(await store.get(clientId, 'odp.apiKey'), 'private-eu1.0123456789abcdef');
  assert.equal(await store.delete(clientId, 'odp.apiKey'), true);
  assert.equal(await store.get(clientId, 'odp.apiKey'), null);
  assert.equal(await secretTool(`${clientId}/odp.apiKey`), null);
  assert.equal(await store.delete(clientId, 'odp.apiKey'), false);
});

test('the app keeps only set/not set, a masked tail and a date; deleting a client deletes its secrets', async (t) => {
  const home = await tempDir(t);
  const services = await createServices({ home, mode: 'browser' });
  const table = createHandlerTable(services);
  const call = (channel: string, payload: unknown) => dispatch(table, channel, payload, services.t);

  const created = await call('clients:create', { name: 'Acme Retail', integrations: ['jacquard'] });
  const id = created.ok ? (created.value as { id: string }).id : '';
  const secret = 'canary-braze-key-7c1d2e3f4a5b';
  const set = await call('secrets:set', { clientId: id, name: 'braze.apiKey', value: secret });
  assert.ok(set.ok);
  assert.deepEqual(
    { ...(set.value as object), setAt: 'x' },
    {
      name: 'braze.apiKey',
      state: 'set',
      tail: '4a5b',
      setAt: 'x',
    },
  );
  const short = await call('secrets:set', {
    clientId: id,
    name: 'jacquard.connectToken',
    value: 'short',
  });
  assert.equal(short.ok && (short.value as { tail: string | null }).tail, null);

  const status = await call('secrets:status', { clientId: id });
  assert.ok(status.ok);
  const braze = (status.value as { name: string; state: string }[]).find(
    (s) => s.name === 'braze.apiKey',
  );
  assert.equal(braze?.state, 'set');
  assert.ok(!JSON.stringify(status.value).includes(secret));
  assert.ok(!(await readFile(join(home, 'store.json'), 'utf8')).includes(secret));

  // Someone wiped the keyring behind the app's back: the UI says "unavailable, re-enter".
  await services.keychain.delete(id, 'braze.apiKey');
  const after = await call('secrets:status', { clientId: id });
  const gone = (after.ok ? (after.value as { name: string; state: string }[]) : []).find(
    (s) => s.name === 'braze.apiKey',
  );
  assert.equal(gone?.state, 'unavailable');

  await call('secrets:set', { clientId: id, name: 'odp.apiKey', value: 'another-secret-value-99' });
  assert.ok((await call('clients:delete', { id })).ok);
  assert.equal(await secretTool(`${id}/odp.apiKey`), null);
  assert.equal(await secretTool(`${id}/jacquard.connectToken`), null);
});

test('deleting one secret takes it out of the keychain and the store, and leaves the client’s others', async (t) => {
  const home = await tempDir(t);
  const services = await createServices({ home, mode: 'browser' });
  const call = handlerCaller(services);
  const { id } = await call('clients:create', {
    name: 'Globex',
    integrations: ['jacquard', 'optimizely'],
  });
  // The keyring outlives the temporary home: take out what this test leaves in it.
  t.after(() => services.keychain.delete(id, 'odp.apiKey'));
  await call('secrets:set', {
    clientId: id,
    name: 'braze.apiKey',
    value: 'braze-key-to-remove-0001',
  });
  await call('secrets:set', { clientId: id, name: 'odp.apiKey', value: 'odp-key-that-stays-0002' });

  const deleted = await call('secrets:delete', { clientId: id, name: 'braze.apiKey' });
  assert.deepEqual(deleted, { name: 'braze.apiKey', state: 'missing', tail: null, setAt: null });

  assert.equal(await secretTool(`${id}/braze.apiKey`), null);
  const status = await call('secrets:status', { clientId: id });
  const stateOf = (name: string) => status.find((s) => s.name === name);
  assert.equal(stateOf('braze.apiKey')?.state, 'missing', 'shown as not set');
  assert.equal(stateOf('braze.apiKey')?.tail, null);
  // What a restarted app or the CLI reads from disk.
  const reopened = await ClientStore.open(home);
  assert.deepEqual(Object.keys(reopened.get(id).secrets), ['odp.apiKey']);

  assert.equal(await secretTool(`${id}/odp.apiKey`), 'odp-key-that-stays-0002');
  assert.equal(stateOf('odp.apiKey')?.state, 'set');
  assert.equal(stateOf('odp.apiKey')?.tail, '0002');
});

test('with no Secret Service on the bus, saving says so and names the fix; nothing falls back to plain text', async () => {
  const { stdout } = await run(process.execPath, [child], {
    env: { ...process.env, DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/bus' },
  });
  assert.deepEqual(JSON.parse(stdout), {
    ok: false,
    code: 'KEYCHAIN_UNAVAILABLE',
    message: 'UNAVAILABLE-TEXT',
  });
});

test('with a locked keyring, saving says the keychain is locked', async (t) => {
  // A new session bus whose Secret Service starts on demand with no unlocked keyring.
  const home = await tempDir(t);
  const { stdout } = await run('dbus-run-session', ['--', process.execPath, child], {
    env: { ...process.env, HOME: home, XDG_RUNTIME_DIR: home, DBUS_SESSION_BUS_ADDRESS: '' },
    timeout: 30_000,
  });
  const result = JSON.parse(stdout) as { ok: boolean; code: string };
  assert.equal(result.ok, false);
  assert.equal(result.code, 'KEYCHAIN_LOCKED');
});
