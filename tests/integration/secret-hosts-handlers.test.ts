import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createServices, type Services } from '../../main/services.ts';
import { computeChecksum } from '../../shared/bundle/checksum.ts';
import type { EventPayload, RequestOf } from '../../shared/contract/index.ts';
import { createI18n } from '../../shared/i18n/index.ts';
import { pendingHostChanges } from '../../shared/secret-hosts/pending.ts';
import type { Client } from '../../shared/types/client.ts';
import { secretNames } from '../../shared/integrations/lists.ts';
import {
  clientWithSavedSecrets,
  ownHosts,
  pointedAt,
  sentSecrets,
} from '../support/bound-secrets-client.ts';
import { handlerCaller } from '../support/handler-caller.ts';
import { memoryKeychain } from '../support/memory-keychain.ts';
import { startRecordingHost } from '../support/recording-host.ts';
import { tempDir } from '../support/temp-dir.ts';

const en = createI18n('en').t;
const brazeKey = sentSecrets['braze.apiKey'];

/** The app's services and handlers on `home` (a fresh one by default), plain http to loopback allowed. */
async function app(home: string, keychain = memoryKeychain()) {
  const services = await createServices({
    home,
    mode: 'browser',
    keychain,
    env: { PARTNER_SETUP_ALLOW_INSECURE_LOOPBACK: '1' },
  });
  return { services, call: handlerCaller(services) };
}

/** Runs checks as the UI does and waits for the run to end; returns the client with the results. */
async function runChecks(
  services: Services,
  call: ReturnType<typeof handlerCaller>,
  request: RequestOf<'checks:run'>,
): Promise<Client> {
  let stop = (): void => undefined;
  const finished = new Promise<void>((resolve) => {
    stop = services.events.subscribe((name, payload) => {
      if (name === 'checks:finished') {
        const { clientId } = payload as EventPayload<'checks:finished'>;
        if (clientId === request.clientId) resolve();
      }
    });
  });
  await call('checks:run', request);
  await finished;
  stop();
  return call('clients:get', { id: request.clientId });
}

void test(
  'inputs:set moving the Braze endpoint holds the key back until the CSM confirms the new host',
  { timeout: 120_000 },
  async (t) => {
    const oldHost = await startRecordingHost(t);
    const newHost = await startRecordingHost(t);
    const { services, call } = await app(await tempDir(t));
    const { id: clientId } = await call('clients:create', {
      name: 'Acme Retail',
      integrations: ['optimizely'],
    });
    await call('inputs:set', { clientId, inputId: 'braze.instance', value: 'custom' });
    await call('inputs:set', { clientId, inputId: 'braze.restEndpoint', value: oldHost.url });
    await call('secrets:set', { clientId, name: 'braze.apiKey', value: brazeKey });
    await runChecks(services, call, { clientId, only: 'braze' });
    assert.ok(
      oldHost.credentials().includes(`Bearer ${brazeKey}`),
      'the confirmed host got no key',
    );
    const sentToOld = oldHost.received.length;

    const edited = await call('inputs:set', {
      clientId,
      inputId: 'braze.restEndpoint',
      value: `${newHost.url}/`,
    });
    assert.deepEqual(pendingHostChanges(edited), [
      { secret: 'braze.apiKey', confirmed: oldHost.url, requested: newHost.url },
    ]);

    const held = await runChecks(services, call, { clientId, only: 'braze' });
    const brazeResults = Object.values(held.checkResults).filter((r) => r.id.startsWith('braze.'));
    assert.equal(brazeResults.length, 7);
    for (const result of brazeResults) {
      assert.equal(result.status, 'skipped', result.id);
      assert.equal(result.messageKey, 'checks:skip.unconfirmedHost', result.id);
      assert.deepEqual(result.params, {
        secret: 'braze.apiKey',
        host: newHost.url,
        confirmed: oldHost.url,
      });
    }
    // The handlers' own calls with the key are refused the same way, with the CSM's reason.
    const refusal = en('errors:secretHosts.unconfirmed', {
      secret: 'braze.apiKey',
      host: newHost.url,
    });
    await assert.rejects(call('braze:findInstance', { clientId }), { message: refusal });
    await assert.rejects(call('odp:brazeTargets', { clientId, kind: 'campaigns' }), {
      message: refusal,
    });
    assert.deepEqual(newHost.received, [], 'the held-back key reached the new host');
    assert.equal(oldHost.received.length, sentToOld, 'the key went to the old host instead');

    // A copy of the client waits for the same confirmation.
    const copy = await call('clients:duplicate', { id: clientId, name: 'Acme Retail (copy)' });
    assert.deepEqual(pendingHostChanges(copy), pendingHostChanges(edited));

    // What the CSM was shown must still be what the inputs say.
    await assert.rejects(
      call('secrets:confirmHosts', {
        clientId,
        hosts: [{ secret: 'braze.apiKey', host: 'http://127.0.0.1:1' }],
      }),
      { message: en('errors:secretHosts.changedAgain') },
    );
    const confirmed = await call('secrets:confirmHosts', {
      clientId,
      hosts: [{ secret: 'braze.apiKey', host: newHost.url }],
    });
    assert.deepEqual(pendingHostChanges(confirmed), []);

    const ran = await runChecks(services, call, { clientId, checkIds: ['braze.api_key'] });
    assert.notEqual(ran.checkResults['braze.api_key']?.messageKey, 'checks:skip.unconfirmedHost');
    assert.ok(newHost.credentials().includes(`Bearer ${brazeKey}`), 'confirmed, yet not sent');
  },
);

void test(
  'an edited bundle imported in the app holds every moved secret back until confirmed, then each reaches the new host',
  { timeout: 180_000 },
  async (t) => {
    const newHost = await startRecordingHost(t);
    const keychain = memoryKeychain();
    const { home, client } = await clientWithSavedSecrets(t, keychain);
    const { services, call } = await app(home, keychain);

    const exported = await call('reports:export', { clientId: client.id, format: 'json' });
    const document = pointedAt(
      JSON.parse(exported.content) as Record<string, unknown>,
      newHost.url,
    );
    const text = JSON.stringify({ ...document, checksum: await computeChecksum(document) });
    const imported = await call('bundles:import', { text, onConflict: 'replace' });
    const changes = pendingHostChanges(imported.client);
    assert.deepEqual(
      changes.map((c) => [c.secret, c.requested]),
      secretNames.filter((name) => name in sentSecrets).map((secret) => [secret, newHost.url]),
    );
    assert.equal(changes.find((c) => c.secret === 'braze.apiKey')?.confirmed, ownHosts.braze);

    const request = { clientId: client.id, optIns: ['odp.currentsLive'] };
    const held = await runChecks(services, call, request);
    for (const id of ['braze.api_key', 'odp.api_key', 'odp.currents_endpoint', 's3.credentials']) {
      assert.equal(held.checkResults[id]?.messageKey, 'checks:skip.unconfirmedHost', id);
      assert.equal(held.checkResults[id]?.params.host, newHost.url, id);
    }
    assert.deepEqual(newHost.received, [], 'a held-back secret reached the new host');

    await call('secrets:confirmHosts', {
      clientId: client.id,
      hosts: changes.map(({ secret, requested }) => ({ secret, host: requested })),
    });
    await runChecks(services, call, request);
    const seen = newHost.credentials();
    assert.ok(seen.includes(`Bearer ${brazeKey}`), 'Braze key not sent');
    assert.ok(seen.includes(sentSecrets['odp.apiKey']), 'ODP key not sent');
    assert.ok(seen.includes(`Bearer ${sentSecrets['odp.currentsToken']}`), 'token not sent');
    assert.ok(seen.includes(`Credential=${sentSecrets['jacquard.awsAccessKeyId']}/`), 'no key id');
  },
);

void test('a key saved before any host was named takes the first endpoint the CSM enters; an imported one waits', async (t) => {
  const { call } = await app(await tempDir(t));
  const { id: clientId } = await call('clients:create', {
    name: 'Initech',
    integrations: ['optimizely'],
  });
  await call('secrets:set', { clientId, name: 'braze.apiKey', value: brazeKey });
  await call('inputs:set', { clientId, inputId: 'braze.instance', value: 'US-05' });
  const first = await call('clients:get', { id: clientId });
  assert.equal(first.secrets['braze.apiKey']?.confirmedHost, 'https://rest.iad-05.braze.com');
  assert.deepEqual(pendingHostChanges(first), []);

  // Another instance is another host: it waits, and saving the key again does not confirm it.
  const moved = await call('inputs:set', { clientId, inputId: 'braze.instance', value: 'EU-01' });
  await call('secrets:set', { clientId, name: 'braze.apiKey', value: brazeKey });
  assert.deepEqual(pendingHostChanges(await call('clients:get', { id: clientId })), [
    {
      secret: 'braze.apiKey',
      confirmed: 'https://rest.iad-05.braze.com',
      requested: 'https://rest.fra-01.braze.eu',
    },
  ]);
  assert.equal(pendingHostChanges(moved).length, 1);
  // Back to the confirmed instance: nothing waits any more.
  const back = await call('inputs:set', { clientId, inputId: 'braze.instance', value: 'US-05' });
  assert.deepEqual(pendingHostChanges(back), []);
});
