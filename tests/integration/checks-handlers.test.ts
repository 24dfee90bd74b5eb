import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { EventName, EventPayload } from '../../shared/contract/index.ts';
import { startBrazeFake } from '../support/braze-fake.ts';
import { envSecretServices, handlerCaller } from '../support/handler-caller.ts';

test('the UI path: checks:run streams queued/running/done, stores results; checks:cancel stops a run', async (t) => {
  const fake = await startBrazeFake({
    keys: { 'ui-key-0123456789': {}, 'stuck-key-0123456789': { hang: true } },
    segments: 5,
  });
  t.after(() => fake.close());
  const env = { BRAZE_API_KEY: 'ui-key-0123456789', PARTNER_SETUP_ALLOW_INSECURE_LOOPBACK: '1' };
  const services = await envSecretServices(t, env);
  const call = handlerCaller(services);
  const events: { name: EventName; payload: unknown }[] = [];
  services.events.subscribe((name, payload) => events.push({ name, payload }));
  const finished = (runId: string) =>
    new Promise<EventPayload<'checks:finished'>>((resolve) => {
      const stop = services.events.subscribe((name, payload) => {
        if (
          name === 'checks:finished' &&
          (payload as EventPayload<'checks:finished'>).runId === runId
        ) {
          stop();
          resolve(payload as EventPayload<'checks:finished'>);
        }
      });
    });

  const clientId = (
    await call('clients:create', { name: 'Acme Retail', integrations: ['optimizely'] })
  ).id;
  await call('inputs:set', { clientId, inputId: 'braze.instance', value: 'custom' });
  await call('inputs:set', { clientId, inputId: 'braze.restEndpoint', value: fake.url });

  const catalog = await call('checks:catalog', {});
  assert.ok(catalog.available.includes('braze.permission.canvas.trigger.send'));

  const started = await call('checks:run', { clientId, only: 'braze' });
  const done = finished(started.runId);
  assert.equal(started.checkIds.length, 7);
  assert.equal((await done).cancelled, false);

  const progress = events
    .filter((e) => e.name === 'checks:progress')
    .map((e) => e.payload as EventPayload<'checks:progress'>)
    .filter((p) => p.checkId === 'braze.api_key');
  assert.deepEqual(
    progress.map((p) => p.state),
    ['queued', 'running', 'done'],
  );
  assert.equal(progress[2]?.result?.status, 'pass');

  const client = await call('clients:get', { id: clientId });
  assert.equal(client.checkResults['braze.segments']?.status, 'pass');
  assert.equal((client.artifacts['braze.segments'] as { segments: unknown[] }).segments.length, 5);
  assert.ok(events.some((e) => e.name === 'client:changed'));

  // A run against a hanging server, cancelled: previous results are kept, not overwritten by "cancelled".
  env.BRAZE_API_KEY = 'stuck-key-0123456789';
  const slow = await call('checks:run', { clientId, checkIds: ['braze.api_key'] });
  const slowDone = finished(slow.runId);
  await new Promise((resolve) => setTimeout(resolve, 100));
  assert.deepEqual(await call('checks:cancel', { runId: slow.runId }), { cancelled: true });
  assert.equal((await slowDone).cancelled, true);
  const after = await call('clients:get', { id: clientId });
  assert.equal(after.checkResults['braze.api_key']?.status, 'pass');
  assert.deepEqual(await call('checks:cancel', { runId: slow.runId }), { cancelled: false });
});
