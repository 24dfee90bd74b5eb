import assert from 'node:assert/strict';
import { z } from 'zod';
import { describe, it } from 'node:test';
import { recordRun } from '../../main/checks/client-run.ts';
import { runChecks } from '../../main/checks/engine.ts';
import { markOutdatedResults, outdatedResultIds } from '../../main/checks/freshness.ts';
import type { CheckDefinition, CheckOutcome } from '../../main/checks/types.ts';
import { createHttpClient } from '../../main/net/http-client.ts';
import { ClientStore } from '../../main/store/client-store.ts';
import { defineArtifact } from '../../shared/integrations/artifacts.ts';
import type { Client } from '../../shared/types/client.ts';
import type { SecretName } from '../../shared/integrations/lists.ts';
import { secretsOf, testClient } from '../support/check-fixtures.ts';
import { tempDir } from '../support/temp-dir.ts';

const http = createHttpClient({ allowInsecureLoopback: true });
const pass: CheckOutcome = { status: 'pass', messageKey: 'checks:status.pass' };

/** A list one check saves and another reads in the same run (as Braze segments are). */
const listArtifact = defineArtifact('k.list', z.object({ segments: z.array(z.string()) }));

const def = (id: string, extra: Partial<CheckDefinition>): CheckDefinition => ({
  id,
  requires: { network: false },
  run: () => Promise.resolve(pass),
  ...extra,
});

/**
 * A small graph of checks that read the client the ways real checks do: a required input and a
 * secret (the engine reads those), an input read directly, a saved plan, an artifact a dependency
 * saves in the same run, and dependants of dependants.
 */
const definitions: CheckDefinition[] = [
  def('k.key', {
    requires: { network: false, secrets: ['braze.apiKey'], inputs: ['braze.instance'] },
  }),
  def('k.permission', { dependsOn: ['k.key'] }),
  def('k.afterPermission', { dependsOn: ['k.permission'] }),
  def('k.folder', {
    run: (ctx) =>
      Promise.resolve(
        ctx.client.inputs['jacquard.s3Folder'] ? pass : { status: 'fail', messageKey: 'x:y' },
      ),
  }),
  def('k.plan', {
    run: (ctx) => {
      void ctx.client.artifacts['odp.plan'];
      return Promise.resolve(pass);
    },
  }),
  def('k.lister', {
    run: (ctx) => {
      ctx.saveArtifact(listArtifact, { segments: ['a'] });
      return Promise.resolve(pass);
    },
  }),
  def('k.usesList', {
    dependsOn: ['k.lister'],
    run: (ctx) => {
      void ctx.dependencyArtifact(listArtifact);
      return Promise.resolve(pass);
    },
  }),
];

const setAt = '2026-11-20T10:00:00.000Z';
/** The Braze key is confirmed for the host US-03 sends it to (the app asks before sending it elsewhere). */
const confirmedHost = 'https://rest.iad-03.braze.com';

/** A client all of whose checks just ran and were recorded, as the store keeps it after a run. */
async function checkedClient(secrets: Partial<Record<SecretName, string>> = {}): Promise<Client> {
  const client: Client = {
    ...testClient({
      braze: { instance: 'US-03' },
      jacquard: { s3Folder: 'acme-retail' },
      artifacts: { 'odp.plan': { segments: ['VIP'] } },
    }),
    secrets: { 'braze.apiKey': { setAt, tail: 'abcd', confirmedHost } },
  };
  const outcome = await runChecks({
    client,
    definitions,
    secrets: secretsOf({ 'braze.apiKey': 'the-key', ...secrets }),
    http,
  });
  recordRun(client, outcome);
  markOutdatedResults(client);
  return client;
}

const changedBy = async (change: (client: Client) => void): Promise<string[]> => {
  const client = await checkedClient();
  change(client);
  return [...outdatedResultIds(client)].sort();
};

describe('freshness: a result is outdated once something it was computed from changes', () => {
  it('a run records what each check read, when its secrets were saved, and nothing is outdated', async () => {
    const client = await checkedClient();
    assert.deepEqual([...outdatedResultIds(client)], []);
    const key = client.checkResults['k.key'];
    assert.deepEqual(key?.basis?.reads, ['inputs.braze.instance']);
    assert.deepEqual(key?.basis?.secretsSavedAt, { 'braze.apiKey': setAt });
    assert.deepEqual(client.checkResults['k.permission']?.basis?.dependencies, { 'k.key': 'pass' });
    assert.deepEqual(client.checkResults['k.plan']?.basis?.reads, ['artifacts.odp.plan']);
    assert.deepEqual(client.checkResults['k.usesList']?.basis?.reads, ['artifacts.k.list']);
    const serialized = JSON.stringify(client.checkResults);
    assert.ok(!serialized.includes('the-key'), 'a secret value reached a result');
  });

  it('a secret saved again: the checks that used it and every dependant, nothing else', async () => {
    const outdated = await changedBy((c) => {
      c.secrets['braze.apiKey'] = {
        setAt: '2026-11-21T09:00:00.000Z',
        tail: 'wxyz',
        confirmedHost,
      };
    });
    assert.deepEqual(outdated, ['k.afterPermission', 'k.key', 'k.permission']);
  });

  it('a secret removed changes nothing the results observed', async () => {
    assert.deepEqual(await changedBy((c) => delete c.secrets['braze.apiKey']), []);
  });

  it('an input the check read (required or read directly), and only its readers', async () => {
    assert.deepEqual(await changedBy((c) => (c.inputs['braze.instance'] = 'EU-01')), [
      'k.afterPermission',
      'k.key',
      'k.permission',
    ]);
    assert.deepEqual(await changedBy((c) => (c.inputs['jacquard.s3Folder'] = 'acme')), [
      'k.folder',
    ]);
    assert.deepEqual(await changedBy((c) => delete c.inputs['jacquard.s3Folder']), ['k.folder']);
    assert.deepEqual(
      await changedBy((c) => (c.inputs['odp.currentsUrl'] = 'https://x.example')),
      [],
      'an input no check read',
    );
  });

  it('a plan edited, and an artifact a dependency saved replaced later', async () => {
    assert.deepEqual(
      await changedBy((c) => (c.artifacts['odp.plan'] = { segments: ['VIP', 'New'] })),
      ['k.plan'],
    );
    assert.deepEqual(await changedBy((c) => (c.artifacts['k.list'] = { segments: ['b'] })), [
      'k.usesList',
    ]);
  });

  it('a dependency whose verdict changed, or that is gone, outdates its dependants', async () => {
    const client = await checkedClient();
    const key = client.checkResults['k.key'];
    assert.ok(key);
    client.checkResults['k.key'] = { ...key, status: 'fail', outdated: undefined };
    assert.deepEqual([...outdatedResultIds(client)].sort(), ['k.afterPermission', 'k.permission']);
    delete client.checkResults['k.key'];
    assert.deepEqual([...outdatedResultIds(client)].sort(), ['k.afterPermission', 'k.permission']);
  });

  it('a dependency run again with the same verdict leaves its dependants as they are', async () => {
    const client = await checkedClient();
    const rerun = await runChecks({
      client,
      definitions: definitions.filter((d) => d.id === 'k.key'),
      secrets: secretsOf({ 'braze.apiKey': 'the-key' }),
      http,
    });
    recordRun(client, rerun);
    assert.deepEqual([...outdatedResultIds(client)], []);
  });

  it('results stored before the app recorded a basis are neither marked nor trusted here', async () => {
    const client = await checkedClient();
    for (const result of Object.values(client.checkResults)) delete result.basis;
    client.inputs['braze.instance'] = 'EU-01';
    client.secrets = {};
    assert.deepEqual([...outdatedResultIds(client)], []);
  });

  it('the store marks results when a change lands, for good, until the check runs again', async (t) => {
    const store = await ClientStore.open(await tempDir(t));
    const created = await store.create({ name: 'Acme', integrations: ['jacquard'] });
    const checked = await checkedClient();
    await store.update(created.id, (draft) => {
      Object.assign(draft, { ...checked, id: created.id });
    });
    assert.equal(store.get(created.id).checkResults['k.folder']?.outdated, undefined);

    await store.update(created.id, (draft) => (draft.inputs['jacquard.s3Folder'] = 'acme'));
    assert.equal(store.get(created.id).checkResults['k.folder']?.outdated, true);
    // Putting the old value back does not make the result current again: it was shown outdated.
    await store.update(created.id, (draft) => (draft.inputs['jacquard.s3Folder'] = 'acme-retail'));
    assert.equal(store.get(created.id).checkResults['k.folder']?.outdated, true);

    const client = store.get(created.id);
    const rerun = await runChecks({
      client,
      definitions: definitions.filter((d) => d.id === 'k.folder'),
      secrets: secretsOf({}),
      http,
    });
    await store.update(created.id, (draft) => recordRun(draft, rerun));
    assert.equal(store.get(created.id).checkResults['k.folder']?.outdated, undefined);
  });

  it('reading a whole record makes every input of it count', async () => {
    const client = testClient();
    const outcome = await runChecks({
      client,
      definitions: [
        def('k.all', {
          run: (ctx) =>
            Promise.resolve({
              ...pass,
              details: Object.keys(ctx.client.inputs),
            }),
        }),
      ],
      secrets: secretsOf({}),
      http,
    });
    recordRun(client, outcome);
    assert.deepEqual(client.checkResults['k.all']?.basis?.reads, ['inputs.*']);
    client.inputs['anything.new'] = 'x';
    assert.deepEqual([...outdatedResultIds(client)], ['k.all']);
  });
});
