import assert from 'node:assert/strict';
import { test } from 'node:test';
import { dispatch } from '../../main/handlers/dispatch.ts';
import { createHandlerTable } from '../../main/handlers/table.ts';
import { createServices } from '../../main/services.ts';
import { memoryKeychain } from '../support/memory-keychain.ts';
import { tempDir } from '../support/temp-dir.ts';
import type { TestContext } from 'node:test';

async function setup(t: TestContext) {
  const services = await createServices({
    home: await tempDir(t),
    mode: 'browser',
    keychain: memoryKeychain(),
  });
  const table = createHandlerTable(services);
  const call = (channel: string, payload: unknown) => dispatch(table, channel, payload, services.t);
  return { services, call };
}

test('a valid request reaches its handler and its value comes back', async (t) => {
  const { call } = await setup(t);
  const created = await call('clients:create', { name: 'Acme Retail', integrations: ['jacquard'] });
  assert.equal(created.ok, true);
  const list = await call('clients:list', {});
  assert.ok(list.ok && Array.isArray(list.value) && list.value.length === 1);
});

test('an unknown channel and a malformed request are typed errors, translated', async (t) => {
  const { call, services } = await setup(t);
  assert.deepEqual((await call('shell:exec', {})).ok, false);
  const unknown = await call('shell:exec', {});
  assert.equal(!unknown.ok && unknown.error.code, 'UNKNOWN_CHANNEL');

  const bad = await call('clients:create', { name: 'X', integrations: ['salesforce'] });
  assert.equal(!bad.ok && bad.error.code, 'BAD_REQUEST');
  assert.match(!bad.ok ? bad.error.message : '', /integrations\.0/);

  await services.store.updateSettings({ language: 'fr' });
  const badFr = await call('clients:create', { name: '', integrations: ['jacquard'] });
  assert.match(!badFr.ok ? badFr.error.message : '', /requête n'était pas valide/);
});

test('a secret sent as a plain input is refused and never reaches the store', async (t) => {
  const { call, services } = await setup(t);
  const created = await call('clients:create', {
    name: 'Acme Retail',
    integrations: ['optimizely'],
  });
  assert.ok(created.ok);
  const clientId = (created.value as { id: string }).id;
  for (const inputId of ['braze.apiKey', 'odp.apiKey']) {
    const refused = await call('inputs:set', { clientId, inputId, value: 'canary-secret-0042' });
    assert.equal(!refused.ok && refused.error.code, 'BAD_REQUEST', inputId);
    assert.match(!refused.ok ? refused.error.message : '', /inputId/);
  }
  assert.deepEqual(services.store.get(clientId).inputs, {});
  const plain = await call('inputs:set', { clientId, inputId: 'odp.region', value: 'eu' });
  assert.equal(plain.ok, true);
});

test('a missing client is NOT_FOUND in the CSM’s language', async (t) => {
  const { call, services } = await setup(t);
  await services.store.updateSettings({ language: 'es' });
  const missing = await call('clients:get', { id: '0b5f3a6e-4a0c-4f7e-9a51-2f0f3b1c1d2e' });
  assert.equal(!missing.ok && missing.error.code, 'NOT_FOUND');
  assert.match(!missing.ok ? missing.error.message : '', /ya no existe/);
});

test('prototype-pollution keys never reach the store', async (t) => {
  const { call, services } = await setup(t);
  const created = await call('clients:create', { name: 'A', integrations: ['jacquard'] });
  assert.ok(created.ok);
  const id = (created.value as { id: string }).id;
  const polluted = JSON.parse(
    `{"clientId":"${id}","inputId":"__proto__","value":"x","__proto__":{"polluted":true}}`,
  ) as unknown;
  const result = await call('inputs:set', polluted);
  assert.equal(!result.ok && result.error.code, 'BAD_REQUEST');
  assert.equal(({} as Record<string, unknown>).polluted, undefined);
  assert.deepEqual(services.store.get(id).inputs, {});
});

test('confirmations record who and when, and unticking removes them', async (t) => {
  const { call, services } = await setup(t);
  await services.store.updateSettings({ csmName: 'Dana Scully' });
  const created = await call('clients:create', { name: 'A', integrations: ['jacquard'] });
  const id = created.ok ? (created.value as { id: string }).id : '';
  const ticked = await call('confirmations:set', {
    clientId: id,
    confirmationId: 'jacquard.current.launched',
    done: true,
    note: 'Launched with the client on a call',
  });
  assert.ok(ticked.ok);
  const confirmation = services.store.get(id).confirmations['jacquard.current.launched'];
  assert.equal(confirmation?.by, 'Dana Scully');
  assert.equal(confirmation?.note, 'Launched with the client on a call');
  assert.ok(Date.now() - Date.parse(confirmation?.at ?? '') < 60_000);
  await call('confirmations:set', {
    clientId: id,
    confirmationId: 'jacquard.current.launched',
    done: false,
  });
  assert.deepEqual(services.store.get(id).confirmations, {});
});

test('duplicating copies inputs and secrets but not the original’s confirmations', async (t) => {
  const { call, services } = await setup(t);
  const created = await call('clients:create', {
    name: 'Acme',
    integrations: ['jacquard', 'optimizely'],
  });
  const id = created.ok ? (created.value as { id: string }).id : '';
  await call('inputs:set', { clientId: id, inputId: 'jacquard.s3Folder', value: 'acme' });
  await call('secrets:set', {
    clientId: id,
    name: 'braze.apiKey',
    value: 'a-very-long-braze-key-1234',
  });
  await call('confirmations:set', {
    clientId: id,
    confirmationId: 'jacquard.pii.requested',
    done: true,
  });
  const copy = await call('clients:duplicate', { id, name: 'Acme EU' });
  assert.ok(copy.ok);
  const copyId = (copy.value as { id: string }).id;
  const dup = services.store.get(copyId);
  assert.equal(dup.inputs['jacquard.s3Folder'], 'acme');
  assert.deepEqual(dup.confirmations, {});
  assert.equal(await services.keychain.get(copyId, 'braze.apiKey'), 'a-very-long-braze-key-1234');
  const status = await call('secrets:status', { clientId: copyId });
  assert.ok(status.ok);
  assert.ok(!JSON.stringify(status.value).includes('a-very-long-braze-key-1234'));
});
