import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { ClientStore } from '../../main/store/client-store.ts';
import { storeVersion } from '../../main/store/schema.ts';
import { pendingHostChanges } from '../../shared/secret-hosts/pending.ts';
import { requestedHost } from '../../shared/secret-hosts/rules.ts';
import type { SecretName } from '../../shared/integrations/lists.ts';
import { defaultSettings } from '../../shared/types/settings.ts';
import { tempDir } from '../support/temp-dir.ts';

type Inputs = Record<string, string>;

/** Whether editing `before` into `after` sends `secret` to another host. */
const moves = (secret: SecretName, before: Inputs, after: Inputs): boolean =>
  requestedHost({ inputs: before }, secret) !== requestedHost({ inputs: after }, secret);

describe('which edits move a secret to another host', () => {
  const custom = (url: string): Inputs => ({
    'braze.instance': 'custom',
    'braze.restEndpoint': url,
  });

  it('the Braze key: another instance, scheme, host or port does; a path or a slash does not', () => {
    const key = 'braze.apiKey';
    assert.equal(moves(key, { 'braze.instance': 'US-03' }, { 'braze.instance': 'EU-01' }), true);
    assert.equal(moves(key, { 'braze.instance': 'US-03' }, { 'braze.instance': 'us-03' }), false);
    assert.equal(moves(key, { 'braze.instance': 'US-03' }, custom('https://evil.example')), true);
    const own = custom('https://braze.acme.example');
    assert.equal(moves(key, own, custom('https://braze.acme.example/')), false);
    assert.equal(moves(key, own, custom('https://braze.acme.example/api')), false);
    assert.equal(moves(key, own, custom('http://braze.acme.example')), true);
    assert.equal(moves(key, own, custom('https://braze.acme.example:8443')), true);
    assert.equal(moves(key, own, custom('https://braze.acme.example@evil.example')), true);
    // Text that is no URL still counts: any edit of it is a change.
    assert.equal(moves(key, own, custom('braze.acme.example')), true);
  });

  it('the ODP key: a custom API base does, the region does not (the key picks among ODP’s hosts)', () => {
    const key = 'odp.apiKey';
    assert.equal(moves(key, { 'odp.region': 'us' }, { 'odp.region': 'eu' }), false);
    assert.equal(moves(key, {}, { 'odp.apiBase': 'https://odp.evil.example' }), true);
    assert.equal(
      moves(
        key,
        { 'odp.apiBase': 'http://127.0.0.1:4020' },
        { 'odp.apiBase': 'http://127.0.0.1:4021' },
      ),
      true,
    );
  });

  it('the Currents token follows the Currents URL’s host; the AWS keys the S3 endpoint', () => {
    const url = (u: string): Inputs => ({ 'odp.currentsUrl': u });
    const fn = 'https://function.eu1.ocp.optimizely.com';
    assert.equal(moves('odp.currentsToken', url(`${fn}/a`), url(`${fn}/b`)), false);
    assert.equal(moves('odp.currentsToken', url(`${fn}/a`), url('https://evil.example/a')), true);
    for (const secret of ['jacquard.awsAccessKeyId', 'jacquard.awsSecretAccessKey'] as const) {
      assert.equal(moves(secret, {}, { 'jacquard.s3Endpoint': 'https://s3.evil.example' }), true);
    }
    // The app never sends the connect token anywhere.
    assert.equal(requestedHost({ inputs: url(fn) }, 'jacquard.connectToken'), null);
  });
});

describe('clients saved before hosts were recorded', () => {
  it('keep their secrets confirmed for the hosts they name at the upgrade; a later move waits', async (t) => {
    const home = await tempDir(t);
    const setAt = '2026-11-02T09:00:00.000Z';
    const client = {
      id: '5f0c5c1e-9a55-4c8e-8d0e-2f4f6f7b1a10',
      name: 'Acme Retail',
      integrations: ['jacquard', 'optimizely'],
      createdAt: setAt,
      updatedAt: setAt,
      inputs: { 'braze.instance': 'custom', 'braze.restEndpoint': 'http://127.0.0.1:4010/' },
      confirmations: {},
      secrets: {
        'braze.apiKey': { setAt, tail: 'e5f0' },
        'jacquard.awsAccessKeyId': { setAt, tail: 'MPLE' },
        'jacquard.connectToken': { setAt, tail: null },
      },
      checkResults: {},
      artifacts: {},
    };
    const file = join(home, 'store.json');
    await writeFile(
      file,
      JSON.stringify({ version: 1, settings: defaultSettings, clients: [client] }),
    );

    const store = await ClientStore.open(home);
    assert.equal(store.issue, null, 'the version 1 store was not read');
    const upgraded = store.get(client.id);
    assert.deepEqual(
      Object.fromEntries(
        Object.entries(upgraded.secrets).map(([name, meta]) => [name, meta.confirmedHost]),
      ),
      {
        'braze.apiKey': 'http://127.0.0.1:4010',
        'jacquard.awsAccessKeyId': 'https://*.amazonaws.com',
        'jacquard.connectToken': null,
      },
    );
    assert.deepEqual(pendingHostChanges(upgraded), []);

    const moved = await store.update(client.id, (c) => {
      c.inputs['jacquard.s3Endpoint'] = 'https://s3.evil.example';
    });
    assert.deepEqual(pendingHostChanges(moved), [
      {
        secret: 'jacquard.awsAccessKeyId',
        confirmed: 'https://*.amazonaws.com',
        requested: 'https://s3.evil.example',
      },
    ]);
    const saved = JSON.parse(await readFile(file, 'utf8')) as { version: number };
    assert.equal(saved.version, storeVersion);
  });
});
