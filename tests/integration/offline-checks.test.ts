import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { EventPayload } from '../../shared/contract/index.ts';
import type { Services } from '../../main/services.ts';
import { startBrazeFake } from '../support/braze-fake.ts';
import { envSecretServices, handlerCaller } from '../support/handler-caller.ts';
import { fakeKeys, startOdpFake } from '../support/odp-fake.ts';

/** Runs a client's checks of one integration through the handlers; returns what said "offline". */
async function runDomain(services: Services, clientId: string, only: string, offline: boolean) {
  const call = handlerCaller(services);
  const skipped: string[] = [];
  const stop = services.events.subscribe((name, payload) => {
    const p = payload as EventPayload<'checks:progress'>;
    if (name === 'checks:progress' && p.result?.messageKey === 'checks:skip.offline') {
      skipped.push(p.checkId);
    }
  });
  const finished = new Promise<void>((resolve) => {
    const off = services.events.subscribe((name) => {
      if (name === 'checks:finished') {
        off();
        resolve();
      }
    });
  });
  const started = await call('checks:run', { clientId, only, offline });
  await finished;
  stop();
  return { started, skipped };
}

test('offline runs: network checks skipped as "offline", no request sent, last results kept with their time', async (t) => {
  const key = 'offline-key-0123456789';
  const fake = await startBrazeFake({ keys: { [key]: {} }, segments: 3 });
  t.after(() => fake.close());
  const env = { BRAZE_API_KEY: key, PARTNER_SETUP_ALLOW_INSECURE_LOOPBACK: '1' };
  const services = await envSecretServices(t, env);
  const call = handlerCaller(services);

  const clientId = (await call('clients:create', { name: 'Acme', integrations: ['jacquard'] })).id;
  await call('inputs:set', { clientId, inputId: 'braze.instance', value: 'custom' });
  await call('inputs:set', { clientId, inputId: 'braze.restEndpoint', value: fake.url });

  await runDomain(services, clientId, 'braze', false);
  const online = (await call('clients:get', { id: clientId })).checkResults['braze.api_key'];
  assert.equal(online?.status, 'pass');
  const requestsBefore = fake.requests.length;

  const { started, skipped } = await runDomain(services, clientId, 'braze', true);
  assert.deepEqual(skipped.sort(), [...started.checkIds].sort(), 'every Braze check said offline');
  assert.equal(fake.requests.length, requestsBefore, 'an offline run sent a request');
  const after = (await call('clients:get', { id: clientId })).checkResults['braze.api_key'];
  assert.deepEqual(after, online, 'the last real result stays, with its time');

  const overview = await call('clients:overview', {});
  assert.equal(overview.rows[0]?.lastValidatedAt, online?.at);
});

test('offline ODP run: checks behind a network check keep their result, plans are judged on the saved fields', async (t) => {
  const brazeKey = 'offline-odp-braze-key-0123';
  const braze = await startBrazeFake({ keys: { [brazeKey]: {} } });
  const odp = await startOdpFake();
  t.after(() => Promise.all([braze.close(), odp.close()]));
  const env = {
    BRAZE_API_KEY: brazeKey,
    ODP_API_KEY: fakeKeys.eu,
    PARTNER_SETUP_ALLOW_INSECURE_LOOPBACK: '1',
  };
  const services = await envSecretServices(t, env);
  const call = handlerCaller(services);
  const clientId = (await call('clients:create', { name: 'Globex', integrations: ['optimizely'] }))
    .id;
  for (const [inputId, value] of [
    ['braze.instance', 'custom'],
    ['braze.restEndpoint', braze.url],
    ['odp.region', 'eu'],
    ['odp.apiBase', odp.bases.eu],
  ] as const) {
    await call('inputs:set', { clientId, inputId, value });
  }

  await runDomain(services, clientId, 'optimizely', false);
  const online = (await call('clients:get', { id: clientId })).checkResults;
  for (const id of ['odp.fields', 'odp.braze_key']) {
    assert.equal(online[id]?.status, 'pass', `${id} online`);
  }
  const mappings = online['odp.mappings'];
  assert.ok(mappings && mappings.status !== 'skipped', 'the mappings were judged online');
  const odpRequests = odp.requests.length;
  const brazeRequests = braze.requests.length;

  const { skipped } = await runDomain(services, clientId, 'optimizely', true);
  assert.ok(skipped.includes('odp.fields') && skipped.includes('odp.braze_key'), skipped.join());
  assert.equal(odp.requests.length, odpRequests, 'an offline run called ODP');
  assert.equal(braze.requests.length, brazeRequests, 'an offline run called Braze');
  const offline = (await call('clients:get', { id: clientId })).checkResults;
  assert.deepEqual(offline['odp.fields'], online['odp.fields'], 'fields result kept');
  assert.deepEqual(offline['odp.braze_key'], online['odp.braze_key'], 'key verdict kept');
  // The mappings are local: checked again now, against the fields saved by the online run.
  assert.equal(offline['odp.mappings']?.status, mappings.status);
  assert.equal(offline['odp.mappings']?.messageKey, mappings.messageKey);
  assert.notEqual(offline['odp.mappings']?.at, mappings.at);
});
