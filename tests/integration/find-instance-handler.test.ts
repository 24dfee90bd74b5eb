import assert from 'node:assert/strict';
import { test } from 'node:test';
import { dispatch } from '../../main/handlers/dispatch.ts';
import { createHandlerTable } from '../../main/handlers/table.ts';
import { EnvSecretStore } from '../../main/keychain/env-store.ts';
import { createServices } from '../../main/services.ts';
import { startBrazeFake } from '../support/braze-fake.ts';
import { tempDir } from '../support/temp-dir.ts';

// "Find my instance" as the UI calls it: through the handler, with the client's saved key, trying
// every instance but the one the client already uses (here three local Braze instances).
test('"find my instance" tries the other instances with the saved key and names the one that accepts it', async (t) => {
  const fake = await startBrazeFake({
    instances: ['US-03', 'EU-01', 'AU-01'],
    keys: { euKey: { instance: 'EU-01' } },
  });
  t.after(() => fake.close());
  const url = (id: string) => fake.urls[id] ?? '';
  const env: Record<string, string> = { PARTNER_SETUP_ALLOW_INSECURE_LOOPBACK: '1' };
  const services = await createServices({
    home: await tempDir(t),
    mode: 'browser',
    env,
    keychain: new EnvSecretStore(env),
    brazeInstances: ['US-03', 'EU-01', 'AU-01'].map((id) => ({
      id,
      restEndpoint: url(id),
      dashboardHosts: [],
    })),
  });
  const table = createHandlerTable(services);
  const call = (channel: string, payload: unknown) => dispatch(table, channel, payload, services.t);

  const created = await call('clients:create', { name: 'Acme', integrations: ['optimizely'] });
  assert.ok(created.ok);
  const clientId = (created.value as { id: string }).id;
  await call('inputs:set', { clientId, inputId: 'braze.instance', value: 'US-03' });

  const noKey = await call('braze:findInstance', { clientId });
  assert.equal(noKey.ok, false);
  assert.deepEqual(!noKey.ok && noKey.error, {
    code: 'BAD_REQUEST',
    message: 'Enter the Braze REST API key first.',
  });
  assert.equal(fake.requests.length, 0, 'nothing is tried without a key');

  env.BRAZE_API_KEY = 'euKey';
  const found = await call('braze:findInstance', { clientId });
  assert.ok(found.ok, JSON.stringify(found));
  const attempts = (found.value as { attempts: Array<{ instance: string; verdict: string }> })
    .attempts;
  assert.deepEqual(
    attempts.map((a) => [a.instance, a.verdict]),
    [
      ['EU-01', 'accepted'],
      ['AU-01', 'rejected'],
    ],
    'the instance already chosen is not tried again',
  );
  assert.equal(fake.requests.length, 2, 'one request per other instance');
});
