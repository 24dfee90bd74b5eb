import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
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

describe('a host’s rate limit holds every check that talks to it', () => {
  /** A "Braze" answering its first request 429 with a reset `resetInS` s ahead, then 200. */
  async function limitedHost(resetInS: number) {
    const seen: { path: string; at: number }[] = [];
    let reset = 0;
    const server = createServer((req, res) => {
      seen.push({ path: req.url ?? '', at: Date.now() });
      if (seen.length === 1) {
        reset = Math.floor(Date.now() / 1000) + resetInS;
        res.writeHead(429, { 'content-type': 'application/json', 'x-ratelimit-reset': `${reset}` });
        res.end('{"message":"Over rate limit."}');
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"message":"success"}');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    return {
      url,
      seen,
      resetAt: () => reset * 1000,
      close: () => new Promise<void>((resolve) => server.close(() => resolve())),
    };
  }

  /** `first` sends one request that takes its 429 as final; `second`, run after it, another. */
  const pair = (url: string): CheckDefinition[] => {
    const probe =
      (path: string, retry: boolean): CheckDefinition['run'] =>
      async (ctx) => {
        const res = await ctx.http.request(
          { method: 'GET', url: `${url}${path}`, retry },
          ctx.signal,
        );
        return {
          status: 'pass',
          messageKey: 'checks:status.pass',
          details: { status: res.status },
        };
      };
    return [
      def('x.first', { requires: { network: true }, run: probe('/segments/list?page=0', false) }),
      def('x.second', {
        requires: { network: true },
        dependsOn: ['x.first'],
        anyDependencyVerdict: true,
        run: probe('/segments/list?page=1', true),
      }),
    ];
  };

  it('after a 429 with a reset, another check’s request waits for the reset, and the wait is shown', async () => {
    const host = await limitedHost(2);
    try {
      const events: CheckEvent[] = [];
      const { results } = await runChecks({
        client: testClient(),
        definitions: pair(host.url),
        secrets: secretsOf({}),
        http: createHttpClient({ allowInsecureLoopback: true }),
        onEvent: (event) => events.push(event),
      });
      assert.deepEqual(
        results.map((r) => (r.details as { status: number }).status),
        [429, 200],
      );
      assert.equal(host.seen.length, 2);
      assert.ok(
        (host.seen[1]?.at ?? 0) >= host.resetAt(),
        `the second check asked ${host.resetAt() - (host.seen[1]?.at ?? 0)} ms before the reset`,
      );
      const waits = events.filter((e) => e.state === 'running' && e.rateLimitWait);
      assert.equal(waits.length, 1);
      assert.equal(waits[0]?.checkId, 'x.second');
      const wait = waits[0]?.state === 'running' ? waits[0].rateLimitWait : undefined;
      assert.equal(wait?.host, new URL(host.url).host);
      assert.ok((wait?.waitMs ?? 0) > 0);
    } finally {
      await host.close();
    }
  });

  it('a check whose limit ends before the reset does not wait for it, and says why', async () => {
    const host = await limitedHost(30);
    try {
      const started = performance.now();
      const { results } = await runChecks({
        client: testClient(),
        definitions: pair(host.url),
        secrets: secretsOf({}),
        http: createHttpClient({ allowInsecureLoopback: true, timeoutMs: 60_000 }),
        checkTimeoutMs: 10_000,
      });
      const second = results[1];
      assert.equal(second?.status, 'inconclusive', JSON.stringify(second));
      assert.equal(second?.messageKey, 'checks:error.rateLimited', JSON.stringify(second));
      assert.equal(second?.params.host, new URL(host.url).host);
      assert.equal(host.seen.length, 1, 'nothing more was sent before the reset');
      // Not waited out: well under the 10 s limit, let alone the 30 s reset (generous for a busy machine).
      assert.ok(performance.now() - started < 9_000);
    } finally {
      await host.close();
    }
  });
});
