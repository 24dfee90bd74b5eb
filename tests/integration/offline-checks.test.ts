import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { EventPayload } from '../../shared/contract/index.ts';
import { startBrazeFake } from '../support/braze-fake.ts';
import { envSecretServices, handlerCaller } from '../support/handler-caller.ts';

test('offline runs: network checks skipped as "offline", no request sent, last results kept with their time', async (t) => {
  const key = 'offline-key-0123456789';
  const fake = await startBrazeFake({ keys: { [key]: {} }, segments: 3 });
  t.after(() => fake.close());
  const env = { BRAZE_API_KEY: key, PARTNER_SETUP_ALLOW_INSECURE_LOOPBACK: '1' };
  const services = await envSecretServices(t, env);
  const call = handlerCaller(services);
  const run = async (offline: boolean) => {
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
    const started = await call('checks:run', { clientId, domain: 'braze', offline });
    await finished;
    stop();
    return { started, skipped };
  };

  const clientId = (await call('clients:create', { name: 'Acme', integrations: ['jacquard'] })).id;
  await call('inputs:set', { clientId, inputId: 'braze.instance', value: 'custom' });
  await call('inputs:set', { clientId, inputId: 'braze.restEndpoint', value: fake.url });

  await run(false);
  const online = (await call('clients:get', { id: clientId })).checkResults['braze.api_key'];
  assert.equal(online?.status, 'pass');
  const requestsBefore = fake.requests.length;

  const { started, skipped } = await run(true);
  assert.deepEqual(skipped.sort(), [...started.checkIds].sort(), 'every Braze check said offline');
  assert.equal(fake.requests.length, requestsBefore, 'an offline run sent a request');
  const after = (await call('clients:get', { id: clientId })).checkResults['braze.api_key'];
  assert.deepEqual(after, online, 'the last real result stays, with its time');

  const overview = await call('clients:overview', {});
  assert.equal(overview.rows[0]?.lastValidatedAt, online?.at);
});
