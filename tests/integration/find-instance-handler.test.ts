import assert from 'node:assert/strict';
import { test, type TestContext } from 'node:test';
import { summarizeFindInstance } from '../../shared/integrations/braze/find-instance-summary.ts';
import type { InstanceAttemptSchema } from '../../shared/integrations/braze/contract.ts';
import { createI18n } from '../../shared/i18n/index.ts';
import { dispatch } from '../../main/handlers/dispatch.ts';
import { createHandlerTable } from '../../main/handlers/table.ts';
import { EnvSecretStore } from '../../main/keychain/env-store.ts';
import { createServices } from '../../main/services.ts';
import { startBrazeFake } from '../support/braze-fake.ts';
import { tempDir } from '../support/temp-dir.ts';
import type { z } from 'zod';

type Attempt = z.infer<typeof InstanceAttemptSchema>;

const english = createI18n('en');
const french = createI18n('fr');
/** What the panel shows after the search, in English and French. */
const shown = (attempts: Attempt[]) => {
  const { messageKey, params } = summarizeFindInstance(attempts);
  return [english.t(messageKey, params), french.t(messageKey, params)];
};
const keyIsWrong = [english.t('checks-braze:find.none'), french.t('checks-braze:find.none')];

// "Find my instance" as the UI calls it: through the handler, with the client's saved key, trying
// every instance but the one the client already uses (here three local Braze instances).
async function findMyInstance(t: TestContext) {
  const fake = await startBrazeFake({
    instances: ['US-03', 'EU-01', 'AU-01'],
    keys: {
      euKey: { instance: 'EU-01' },
      euInactive: { instance: 'EU-01', inactive: true },
      stuck: { hang: true },
    },
  });
  t.after(() => fake.close());
  const url = (id: string) => fake.urls[id] ?? '';
  const env: Record<string, string> = { PARTNER_SETUP_ALLOW_INSECURE_LOOPBACK: '1' };
  const services = await createServices({
    home: await tempDir(t),
    mode: 'browser',
    env,
    keychain: new EnvSecretStore(env),
    integrationOptions: {
      braze: {
        instances: ['US-03', 'EU-01', 'AU-01'].map((id) => ({
          id,
          restEndpoint: url(id),
          dashboardHosts: [],
        })),
      },
    },
  });
  const table = createHandlerTable(services);
  const call = (channel: string, payload: unknown) => dispatch(table, channel, payload, services.t);

  const created = await call('clients:create', { name: 'Acme', integrations: ['optimizely'] });
  assert.ok(created.ok);
  const clientId = (created.value as { id: string }).id;
  await call('inputs:set', { clientId, inputId: 'braze.instance', value: 'US-03' });
  const find = async (key?: string) => {
    if (key) env.BRAZE_API_KEY = key;
    return call('braze:findInstance', { clientId });
  };
  const attemptsWith = async (key: string): Promise<Attempt[]> => {
    const found = await find(key);
    assert.ok(found.ok, JSON.stringify(found));
    return (found.value as { attempts: Attempt[] }).attempts;
  };
  return { fake, find, attemptsWith };
}

test('"find my instance" tries the other instances with the saved key and names the one that accepts it', async (t) => {
  const { fake, find, attemptsWith } = await findMyInstance(t);
  const noKey = await find();
  assert.equal(noKey.ok, false);
  assert.deepEqual(!noKey.ok && noKey.error, {
    code: 'BAD_REQUEST',
    message: 'Enter the Braze REST API key first.',
  });
  assert.equal(fake.requests.length, 0, 'nothing is tried without a key');

  const attempts = await attemptsWith('euKey');
  assert.deepEqual(
    attempts.map((a) => [a.instance, a.verdict]),
    [
      ['EU-01', 'accepted'],
      ['AU-01', 'rejected'],
    ],
    'the instance already chosen is not tried again',
  );
  assert.equal(fake.requests.length, 2, 'one request per other instance');
  const [text] = shown(attempts);
  assert.match(text ?? '', /EU-01/);

  const wrongEverywhere = await attemptsWith('nobody-knows-this-key');
  assert.deepEqual(
    shown(wrongEverywhere),
    keyIsWrong,
    'every instance refused it: the key is wrong',
  );
});

test('"find my instance" says the key was found on an instance whose account is inactive', async (t) => {
  const { attemptsWith } = await findMyInstance(t);
  const attempts = await attemptsWith('euInactive');
  assert.deepEqual(
    attempts.map((a) => [a.instance, a.verdict]),
    [
      ['EU-01', 'inactive'],
      ['AU-01', 'rejected'],
    ],
  );
  for (const text of shown(attempts)) {
    assert.ok(!keyIsWrong.includes(text), `blames the key: ${text}`);
    assert.match(text, /EU-01/);
  }
  assert.match(shown(attempts)[0] ?? '', /inactive/);
});

test('"find my instance" says which instances did not answer instead of blaming the key', async (t) => {
  const { attemptsWith } = await findMyInstance(t);
  // The key's requests are never answered: each ends at the request timeout.
  const attempts = await attemptsWith('stuck');
  assert.deepEqual(
    attempts.map((a) => [a.instance, a.verdict]),
    [
      ['EU-01', 'error'],
      ['AU-01', 'error'],
    ],
  );
  for (const text of shown(attempts)) {
    assert.ok(!keyIsWrong.includes(text), `blames the key: ${text}`);
    assert.match(text, /\b2\b/);
    assert.match(text, /EU-01, AU-01/);
  }
  assert.match(shown(attempts)[0] ?? '', /try again/);
});
