import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { EventPayload } from '../../shared/contract/index.ts';
import { startBrazeFake } from '../support/braze-fake.ts';
import { envSecretServices, handlerCaller } from '../support/handler-caller.ts';

// The app's "Run all checks" (checks:run with no filter) for a client on Jacquard alone, whose
// Braze key lacks the permissions only ODP's Braze app needs.
test('the app runs only what a Jacquard-only client’s guide shows: no ODP-only permission, no segment list', async (t) => {
  const key = 'jacquard-only-key-0123456789';
  const fake = await startBrazeFake({
    keys: { [key]: { permissions: ['segments.list'] } },
    segments: 120,
  });
  t.after(() => fake.close());
  const services = await envSecretServices(t, {
    BRAZE_API_KEY: key,
    PARTNER_SETUP_ALLOW_INSECURE_LOOPBACK: '1',
  });
  const call = handlerCaller(services);
  const { id: clientId } = await call('clients:create', {
    name: 'Jacquard Only',
    integrations: ['jacquard'],
  });
  await call('inputs:set', { clientId, inputId: 'braze.instance', value: 'custom' });
  await call('inputs:set', { clientId, inputId: 'braze.restEndpoint', value: fake.url });

  const finished = new Promise<void>((resolve) => {
    const off = services.events.subscribe((name, payload) => {
      if (
        name === 'checks:finished' &&
        (payload as EventPayload<'checks:finished'>).clientId === clientId
      ) {
        off();
        resolve();
      }
    });
  });
  const started = await call('checks:run', { clientId });
  await finished;

  const braze = started.checkIds.filter((id) => id.startsWith('braze.'));
  assert.deepEqual(braze, ['braze.api_key'], 'only the key check of Braze applies');
  const client = await call('clients:get', { id: clientId });
  assert.equal(client.checkResults['braze.api_key']?.status, 'pass');
  assert.ok(
    !Object.keys(client.checkResults).some(
      (id) => id.startsWith('braze.permission.') || id === 'braze.segments',
    ),
    'an ODP-only check has a result',
  );
  assert.deepEqual(
    fake.requests.map((r) => `${r.path}?page=${r.query.page ?? ''}`),
    ['/segments/list?page=0'],
    'only the key probe reached Braze',
  );
});
