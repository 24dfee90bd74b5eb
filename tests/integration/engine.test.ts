import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, it } from 'node:test';
import { z } from 'zod';
import { defineArtifact } from '../../shared/integrations/artifacts.ts';
import { recordRun } from '../../main/checks/client-run.ts';
import { runChecks, type CheckEvent } from '../../main/checks/engine.ts';
import { checkOwners, checkRegistry } from '../../main/checks/registry.ts';
import { selectChecks, withDependencies } from '../../main/checks/selection.ts';
import { brazeChecks } from '../../main/integrations/braze/checks.ts';
import type { CheckDefinition, CheckOutcome } from '../../main/checks/types.ts';
import { NetError } from '../../main/net/errors.ts';
import { brazeKeyCheck } from '../../main/integrations/optimizely/checks/braze-key.ts';
import { createHttpClient } from '../../main/net/http-client.ts';
import type { IntegrationId } from '../../shared/integrations/lists.ts';
import type { CheckResult } from '../../shared/types/checks.ts';
import { startBrazeFake } from '../support/braze-fake.ts';
import { secretsOf, testClient } from '../support/check-fixtures.ts';

const rowsArtifact = defineArtifact('b.data', z.object({ rows: z.array(z.number()) }));
const http = createHttpClient({ allowInsecureLoopback: true, backoffBaseMs: 20 });
const pass: CheckOutcome = { status: 'pass', messageKey: 'checks:status.pass' };

const def = (id: string, extra: Partial<CheckDefinition> = {}): CheckDefinition => ({
  id,
  requires: { network: false },
  run: () => Promise.resolve(pass),
  ...extra,
});

/** A check that sleeps and records how many checks of its host run at the same time. */
function concurrencyProbe(hosts: Record<string, { now: number; max: number }>) {
  return (id: string, host: string): CheckDefinition =>
    def(id, {
      host: () => host,
      run: async () => {
        const h = (hosts[host] ??= { now: 0, max: 0 });
        h.now++;
        h.max = Math.max(h.max, h.now);
        await sleep(60);
        h.now--;
        return pass;
      },
    });
}

describe('check engine', () => {
  it('skips with the reason a CSM can act on: input, secret, opt-in, offline (dependants too), failed dependency', async () => {
    const definitions = [
      def('a.input', { requires: { network: false, inputs: ['jacquard.s3Folder'] } }),
      def('a.secret', { requires: { network: false, secrets: ['odp.apiKey'] } }),
      def('a.optin', { requires: { network: false, optIn: 's3.write' } }),
      def('a.optin.given', { requires: { network: false, optIn: 'odp.liveCurrents' } }),
      def('a.network', { requires: { network: true } }),
      def('a.failing', { run: () => Promise.resolve({ status: 'fail', messageKey: 'x:y' }) }),
      def('a.dependant', { dependsOn: ['a.failing'] }),
      def('a.local', { dependsOn: ['a.optin.given'] }),
      def('a.afterOffline', { dependsOn: ['a.network'] }),
      def('a.afterAfterOffline', { dependsOn: ['a.afterOffline'] }),
      def('a.fallback', { dependsOn: ['a.network'], anyDependencyVerdict: true }),
    ];
    const { results } = await runChecks({
      client: testClient(),
      definitions,
      secrets: secretsOf({}),
      http,
      optIns: ['odp.liveCurrents'],
      offline: true,
    });
    const byId = Object.fromEntries(results.map((r) => [r.id, r]));
    assert.deepEqual(
      results.map((r) => [r.id, r.status, r.messageKey]),
      [
        ['a.input', 'skipped', 'checks:skip.missingInput'],
        ['a.secret', 'skipped', 'checks:skip.missingSecret'],
        ['a.optin', 'skipped', 'checks:skip.notOptedIn'],
        ['a.optin.given', 'pass', 'checks:status.pass'],
        ['a.network', 'skipped', 'checks:skip.offline'],
        ['a.failing', 'fail', 'x:y'],
        ['a.dependant', 'skipped', 'checks:skip.dependency'],
        ['a.local', 'pass', 'checks:status.pass'],
        // Offline is not the client's fault: dependants say so too, so they keep their last result.
        ['a.afterOffline', 'skipped', 'checks:skip.offline'],
        ['a.afterAfterOffline', 'skipped', 'checks:skip.offline'],
        ['a.fallback', 'pass', 'checks:status.pass'],
      ],
    );
    assert.deepEqual(byId['a.input']?.params, { input: 'jacquard.s3Folder' });
    assert.deepEqual(byId['a.secret']?.params, { secret: 'odp.apiKey' });
    assert.deepEqual(byId['a.optin']?.params, { optIn: 's3.write' });
    assert.deepEqual(byId['a.dependant']?.params, { dependency: 'a.failing', status: 'fail' });
    for (const r of results) {
      assert.ok(r.durationMs >= 0);
      assert.ok(!Number.isNaN(Date.parse(r.at)));
    }
  });

  it('no network on the computer is a skip, not a verdict: the last results stay, dependants too', async () => {
    const noNetwork = () =>
      Promise.reject(new NetError('offline', 'rest.iad-03.braze.com', 'EAI_AGAIN'));
    const client = testClient();
    const earlier = (id: string): CheckResult => ({
      id,
      status: 'pass',
      messageKey: 'x:earlier',
      params: {},
      durationMs: 5,
      at: '2026-11-20T09:00:00.000Z',
    });
    client.checkResults = { 'c.probe': earlier('c.probe'), 'c.after': earlier('c.after') };
    const outcome = await runChecks({
      client,
      definitions: [
        def('c.probe', { requires: { network: true }, run: noNetwork }),
        def('c.after', { dependsOn: ['c.probe'] }),
      ],
      secrets: secretsOf({}),
      http,
    });
    assert.deepEqual(
      outcome.results.map((r) => [r.id, r.status, r.messageKey]),
      [
        ['c.probe', 'skipped', 'checks:error.offline'],
        ['c.after', 'skipped', 'checks:skip.offline'],
      ],
    );
    recordRun(client, outcome);
    assert.deepEqual(client.checkResults, {
      'c.probe': earlier('c.probe'),
      'c.after': earlier('c.after'),
    });
  });

  it('a summary of probes that never reached the network skips as offline and keeps its verdict', async () => {
    const noNetwork = () =>
      Promise.reject(new NetError('offline', 'rest.iad-03.braze.com', 'EAI_AGAIN'));
    const probes = brazeKeyCheck.dependsOn?.map((id) =>
      def(id, { requires: { network: true }, run: noNetwork }),
    );
    assert.ok(probes?.length === 5);
    const client = testClient();
    const earlier: CheckResult = {
      id: 'odp.braze_key',
      status: 'pass',
      messageKey: 'checks-odp:brazeKey.pass',
      params: {},
      durationMs: 1,
      at: '2026-11-20T09:00:00.000Z',
    };
    client.checkResults['odp.braze_key'] = earlier;
    const outcome = await runChecks({
      client,
      definitions: [...probes, brazeKeyCheck],
      secrets: secretsOf({ 'braze.apiKey': 'key-0123456789' }),
      http,
    });
    const summary = outcome.results.find((r) => r.id === 'odp.braze_key');
    assert.equal(summary?.messageKey, 'checks:skip.offline');
    recordRun(client, outcome);
    assert.deepEqual(client.checkResults['odp.braze_key'], earlier);
  });

  it('lets a check that summarises its dependencies read their failures', async () => {
    const definitions = [
      def('a.failing', { run: () => Promise.resolve({ status: 'fail', messageKey: 'x:y' }) }),
      def('a.passing'),
      def('a.summary', {
        dependsOn: ['a.failing', 'a.passing'],
        anyDependencyVerdict: true,
        run: (ctx) =>
          Promise.resolve({
            status: 'fail',
            messageKey: 'x:summary',
            params: { failed: [...ctx.dependencies].filter(([, r]) => r.status === 'fail').length },
          }),
      }),
    ];
    const { results } = await runChecks({
      client: testClient(),
      definitions,
      secrets: secretsOf({}),
      http,
    });
    const summary = results.find((r) => r.id === 'a.summary');
    assert.equal(summary?.messageKey, 'x:summary');
    assert.deepEqual(summary?.params, { failed: 1 });
  });

  it('reports queued, running (with progress) and done for every check, and keeps artifacts', async () => {
    const events: CheckEvent[] = [];
    const { results, artifacts } = await runChecks({
      client: testClient(),
      definitions: [
        def('b.one', {
          run: (ctx) => {
            ctx.progress(1, 2);
            ctx.progress(2, 2);
            ctx.saveArtifact(rowsArtifact, { rows: [1, 2] });
            return Promise.resolve(pass);
          },
        }),
        def('b.two'),
      ],
      secrets: secretsOf({}),
      http,
      onEvent: (e) => events.push(e),
    });
    assert.deepEqual(artifacts, { 'b.data': { rows: [1, 2] } });
    const states = (id: string) =>
      events
        .filter((e) => e.checkId === id)
        .map((e) =>
          e.state === 'running' && e.progress
            ? `running ${e.progress.done}/${e.progress.total}`
            : e.state,
        );
    assert.deepEqual(states('b.one'), ['queued', 'running', 'running 1/2', 'running 2/2', 'done']);
    assert.deepEqual(states('b.two'), ['queued', 'running', 'done']);
    const done = events.find((e) => e.state === 'done' && e.checkId === 'b.one');
    assert.deepEqual(done?.state === 'done' ? done.result : null, results[0]);
  });

  it('holds a saved artifact to its schema: a value that does not fit is kept nowhere', async () => {
    const { results, artifacts } = await runChecks({
      client: testClient(),
      definitions: [
        def('b.bad', {
          run: (ctx) => {
            ctx.saveArtifact(rowsArtifact, { rows: ['one'] } as never);
            return Promise.resolve(pass);
          },
        }),
      ],
      secrets: secretsOf({}),
      http,
    });
    assert.deepEqual(artifacts, {});
    assert.equal(results[0]?.status, 'inconclusive', 'a check whose data does not fit passed');
  });

  it('caps checks per host while other hosts proceed', async () => {
    const hosts: Record<string, { now: number; max: number }> = {};
    const probe = concurrencyProbe(hosts);
    const definitions = [
      ...Array.from({ length: 6 }, (_, i) => probe(`c.a${i}`, 'a.example')),
      ...Array.from({ length: 3 }, (_, i) => probe(`c.b${i}`, 'b.example')),
    ];
    const { results } = await runChecks({
      client: testClient(),
      definitions,
      secrets: secretsOf({}),
      http,
      perHostConcurrency: 2,
      concurrency: 10,
    });
    assert.ok(results.every((r) => r.status === 'pass'));
    assert.equal(hosts['a.example']?.max, 2);
    assert.equal(hosts['b.example']?.max, 2);
  });

  it('caps checks overall', async () => {
    const hosts: Record<string, { now: number; max: number }> = {};
    const probe = concurrencyProbe(hosts);
    await runChecks({
      client: testClient(),
      definitions: Array.from({ length: 5 }, (_, i) => probe(`d.${i}`, 'same')),
      secrets: secretsOf({}),
      http,
      concurrency: 3,
      perHostConcurrency: 10,
    });
    assert.equal(hosts.same?.max, 3);
  });

  it('cancels: the hanging request is aborted, running and waiting checks end as cancelled', async () => {
    const fake = await startBrazeFake({ keys: { stuck: { hang: true } } });
    try {
      const client = testClient({ braze: { instance: 'custom', restEndpoint: fake.url } });
      const controller = new AbortController();
      const run = runChecks({
        client,
        definitions: brazeChecks,
        secrets: secretsOf({ 'braze.apiKey': 'stuck' }),
        // Left alone, the hanging requests would wait 10 minutes: only the cancel can end them.
        http: createHttpClient({ allowInsecureLoopback: true, timeoutMs: 600_000 }),
        signal: controller.signal,
        perHostConcurrency: 2,
      });
      // Cancelled once a request hangs, however long a busy machine takes to send it.
      while (fake.requests.length === 0) await sleep(10);
      controller.abort();
      const abortedAt = Date.now();
      const outcome = await run;
      assert.equal(outcome.cancelled, true);
      assert.ok(Date.now() - abortedAt < 60_000, 'cancel did not end the run');
      assert.deepEqual(
        new Set(outcome.results.map((r) => `${r.status} ${r.messageKey}`)),
        new Set(['skipped checks:skip.cancelled']),
      );
      assert.ok(
        fake.requests.length >= 1 && fake.requests.length <= 3,
        'waiting checks still sent requests',
      );
    } finally {
      await fake.close();
    }
  });

  it('stops a check that outlives its time limit, even one that ignores its signal', async () => {
    const { results } = await runChecks({
      client: testClient(),
      definitions: [def('e.slow', { run: () => new Promise(() => undefined) })],
      secrets: secretsOf({}),
      http,
      checkTimeoutMs: 100,
    });
    assert.equal(results[0]?.status, 'inconclusive');
    assert.equal(results[0]?.messageKey, 'checks:error.checkTimeout');
  });

  it('turns a request timeout into an inconclusive result naming the host', async () => {
    const fake = await startBrazeFake({ keys: { stuck: { hang: true } } });
    try {
      const { results } = await runChecks({
        client: testClient({ braze: { instance: 'custom', restEndpoint: fake.url } }),
        definitions: checkRegistry.filter((d) => d.id === 'braze.api_key'),
        secrets: secretsOf({ 'braze.apiKey': 'stuck' }),
        http: createHttpClient({ allowInsecureLoopback: true, timeoutMs: 150 }),
      });
      assert.equal(results[0]?.status, 'inconclusive');
      assert.equal(results[0]?.messageKey, 'checks:error.timeout');
      assert.equal(results[0]?.params.host, new URL(fake.url).host);
      assert.equal(fake.requests.length, 1, 'a timed-out request must not be retried');
    } finally {
      await fake.close();
    }
  });

  it('retries 5xx (counted), waits out a 429 until x-ratelimit-reset, never retries a 4xx', async () => {
    const fake = await startBrazeFake({
      keys: {
        flaky: { failFirst: 2 },
        limited: { rateLimitFirst: 1, rateLimitResetInS: 1 },
        denied: { permissions: [] },
      },
    });
    try {
      const client = testClient({ braze: { instance: 'custom', restEndpoint: fake.url } });
      const apiKey = checkRegistry.filter((d) => d.id === 'braze.api_key');
      const run = (key: string) =>
        runChecks({
          client,
          definitions: apiKey,
          secrets: secretsOf({ 'braze.apiKey': key }),
          http,
        });

      const flaky = (await run('flaky')).results[0];
      assert.equal(flaky?.status, 'pass');
      assert.equal((flaky?.details as { attempts: number }).attempts, 3);
      assert.equal(fake.requests.filter((r) => r.key === 'flaky').length, 3);

      const limited = (await run('limited')).results[0];
      assert.equal(limited?.status, 'pass');
      const [first, second] = fake.requests.filter((r) => r.key === 'limited');
      assert.equal(first?.status, 429);
      assert.ok(
        second && second.at >= Math.floor((first?.at ?? 0) / 1000) * 1000 + 1000,
        'retried before the reset',
      );

      const denied = (await run('denied')).results[0];
      assert.equal(denied?.status, 'pass', 'a 403 for a missing permission still proves the key');
      assert.equal(fake.requests.filter((r) => r.key === 'denied').length, 1);
    } finally {
      await fake.close();
    }
  });

  it('pulls in the dependencies of the checks it is asked for', () => {
    const registry = [def('x.base'), def('y.top', { dependsOn: ['x.base'] })];
    assert.deepEqual(
      withDependencies(registry, ['y.top']).map((d) => d.id),
      ['x.base', 'y.top'],
    );
    assert.deepEqual(
      withDependencies(registry, ['x.base']).map((d) => d.id),
      ['x.base'],
    );
  });

  it('runs only what the client’s guides name: no ODP-only Braze permission for a Jacquard client', () => {
    const ids = (integrations: IntegrationId[], filter = {}) =>
      selectChecks({ integrations }, checkRegistry, checkOwners, filter).map((d) => d.id);
    const jacquardOnly = ids(['jacquard']);
    assert.ok(jacquardOnly.includes('braze.api_key'), 'the Jacquard guide names the Braze key');
    assert.ok(jacquardOnly.includes('currents.delivery'));
    for (const id of jacquardOnly) {
      assert.ok(!id.startsWith('braze.permission.'), `${id} is for ODP's key only`);
      assert.ok(!id.startsWith('odp.'), `${id} is an ODP check`);
    }
    assert.ok(!jacquardOnly.includes('braze.segments'), 'segments are listed for ODP only');
    assert.deepEqual(ids(['jacquard'], { only: 'braze' }), ['braze.api_key']);
    assert.equal(ids(['optimizely'], { only: 'braze' }).length, 7);
    assert.deepEqual(ids(['jacquard'], { only: 'optimizely' }), []);
    assert.deepEqual(ids(['jacquard'], { only: 'currents.pii' }), [
      's3.credentials',
      's3.bucket',
      'currents.delivery',
      'currents.pii',
    ]);
  });
});
