import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  brazeSegmentsArtifactKey,
  BrazeSegmentsArtifactSchema,
} from '../../shared/integrations/braze/segments-artifact.ts';
import { createI18n } from '../../shared/i18n/index.ts';
import type { CheckResult } from '../../shared/types/checks.ts';
import { brazeChecks } from '../../main/integrations/braze/checks.ts';
import { findInstance } from '../../main/integrations/braze/find-instance.ts';
import { runChecks, type CheckEvent } from '../../main/checks/engine.ts';
import { createHttpClient } from '../../main/net/http-client.ts';
import {
  brazeMessages,
  startBrazeFake,
  type BrazeFake,
  type BrazePermission,
} from '../support/braze-fake.ts';
import { secretsOf, testClient } from '../support/check-fixtures.ts';

const httpOptions = { allowInsecureLoopback: true, backoffBaseMs: 20, maxRateLimitWaitMs: 5000 };
const http = createHttpClient(httpOptions);
const allowedEndpoints = new Set([
  'GET /segments/list',
  'POST /users/track',
  'POST /users/export/segment',
  'POST /campaigns/trigger/send',
  'POST /canvas/trigger/send',
]);

const keys = {
  good: {},
  partial: { permissions: ['segments.list', 'users.track'] as BrazePermission[] },
  onEu: { instance: 'EU-01' },
  inactive: { inactive: true },
  blocked: { ipBlocked: true },
  broken: { failFirst: 100 },
  throttled: { rateLimitFirst: 100, rateLimitResetInS: 3600 },
};

let fake: BrazeFake;
let many: BrazeFake;
let none: BrazeFake;
before(async () => {
  fake = await startBrazeFake({ instances: ['US-03', 'EU-01'], keys, segments: 250 });
  // Latency keeps every page open long enough for the fake to see which ones overlap.
  many = await startBrazeFake({ keys: { good: {} }, segments: 3050, latencyMs: 50 });
  none = await startBrazeFake({ keys: { good: {} }, segments: 0 });
});
after(async () => {
  await Promise.all([fake, many, none].map((f) => f.close()));
  for (const f of [fake, many, none]) {
    // Whatever a test did, no probe may have had a side effect, and only the probe endpoints were called.
    assert.deepEqual(f.sideEffects(), []);
    const called = f.requests.map((r) => `${r.method} ${r.path.replace(/^\/not-braze/, '')}`);
    assert.deepEqual(
      called.filter((c) => !allowedEndpoints.has(c)),
      [],
    );
  }
});

async function run(key: string, endpoint = fake.url, events?: CheckEvent[]) {
  const outcome = await runChecks({
    client: testClient({ braze: { instance: 'custom', restEndpoint: endpoint } }),
    definitions: brazeChecks,
    secrets: secretsOf({ 'braze.apiKey': key }),
    // A client per run, as the app and the CLI have: a 429 holds back the rest of its own run only.
    http: createHttpClient(httpOptions),
    ...(events ? { onEvent: (e: CheckEvent) => events.push(e) } : {}),
  });
  const byId = Object.fromEntries(outcome.results.map((r) => [r.id, r])) as Record<
    string,
    CheckResult
  >;
  return { ...outcome, byId };
}

const permissionIds = brazeChecks
  .filter((c) => c.id.startsWith('braze.permission.'))
  .map((c) => c.id);
/** The message a CSM reads for a result, in English and French. */
const english = createI18n('en');
const french = createI18n('fr');
const shown = (result: CheckResult | undefined) =>
  [english, french].map((i18n) => (result ? i18n.t(result.messageKey, result.params) : ''));
const summary = (results: CheckResult[]) =>
  Object.fromEntries(results.map((r) => [r.id, `${r.status} ${r.messageKey}`]));

describe('Braze checks against the fake', () => {
  it('a valid key with every permission passes all checks and keeps the segments', async () => {
    const { results, artifacts, byId } = await run('good');
    assert.deepEqual(summary(results), {
      'braze.api_key': 'pass checks-braze:apiKey.valid',
      'braze.permission.users.track': 'pass checks-braze:permission.present',
      'braze.permission.users.export.segment': 'pass checks-braze:permission.present',
      'braze.permission.segments.list': 'pass checks-braze:permission.present',
      'braze.permission.campaigns.trigger.send': 'pass checks-braze:permission.present',
      'braze.permission.canvas.trigger.send': 'pass checks-braze:permission.present',
      'braze.segments': 'pass checks-braze:segments.listed',
    });
    assert.equal(byId['braze.segments']?.params.count, 250);
    const artifact = BrazeSegmentsArtifactSchema.parse(artifacts[brazeSegmentsArtifactKey]);
    assert.equal(artifact.segments.length, 250);
    assert.deepEqual(
      artifact.segments.map((s) => s.id),
      fake.knownIds.segments,
    );
    assert.equal(artifact.segments[0]?.name, 'Segment 00001');
    const exportDetails = byId['braze.permission.users.export.segment']?.details as Record<
      string,
      unknown
    >;
    assert.equal(exportDetails.permission, 'users.export.segment');
    assert.equal(exportDetails.listedAs, 'users.export.segments');
  });

  it('probes use empty bodies, fresh unknown ids and never broadcast', () => {
    const posts = fake.requests.filter((r) => r.method === 'POST' && r.key === 'good');
    assert.equal(posts.length, 4);
    for (const post of posts) {
      assert.equal(post.status, 400, `${post.path} should be refused for its body or unknown id`);
      const body = post.body as Record<string, unknown>;
      assert.notEqual(body.broadcast, true);
      assert.equal(body.recipients, undefined);
    }
    const track = posts.find((p) => p.path === '/users/track');
    assert.deepEqual(track?.body, {});
  });

  it('a refused key fails braze.api_key saying key OR instance, and makes the permissions inconclusive', async () => {
    const { byId, results } = await run('nobody-knows-this-key');
    assert.equal(byId['braze.api_key']?.status, 'fail');
    assert.equal(byId['braze.api_key']?.messageKey, 'checks-braze:apiKey.invalid');
    assert.equal(byId['braze.api_key']?.params.host, new URL(fake.url).host);
    for (const id of permissionIds) {
      assert.equal(byId[id]?.status, 'inconclusive');
      assert.equal(byId[id]?.messageKey, 'checks-braze:reply.keyRejected');
      for (const text of shown(byId[id])) {
        assert.ok(text.includes('401') && text.includes(brazeMessages.invalidKey), text);
      }
    }
    assert.ok(
      !JSON.stringify(results).includes('nobody-knows-this-key'),
      'the key leaked into a result',
    );
  });

  it('a key pasted with quotes is called out as such', async () => {
    const { byId } = await run('"good"');
    assert.equal(byId['braze.api_key']?.messageKey, 'checks-braze:apiKey.quoted');
  });

  it('a key of another instance is refused there, and "find my instance" names the right one', async () => {
    const { byId } = await run('onEu', fake.urls['US-03']);
    assert.equal(byId['braze.api_key']?.messageKey, 'checks-braze:apiKey.invalid');
    const attempts = await findInstance({
      http,
      apiKey: 'onEu',
      candidates: [
        { id: 'US-03', restEndpoint: fake.urls['US-03'] ?? '', dashboardHosts: [] },
        { id: 'EU-01', restEndpoint: fake.urls['EU-01'] ?? '', dashboardHosts: [] },
      ],
    });
    assert.deepEqual(
      attempts.map((a) => [a.instance, a.verdict, a.httpStatus]),
      [
        ['US-03', 'rejected', 401],
        ['EU-01', 'accepted', 200],
      ],
    );
    const onRight = await run('onEu', fake.urls['EU-01']);
    assert.equal(onRight.byId['braze.api_key']?.status, 'pass');
  });

  it('an inactive account is a failure of its own, not a missing permission', async () => {
    const { byId } = await run('inactive');
    assert.equal(byId['braze.api_key']?.status, 'fail');
    assert.equal(byId['braze.api_key']?.messageKey, 'checks-braze:apiKey.inactive');
    for (const id of permissionIds) {
      assert.equal(byId[id]?.status, 'inconclusive');
      assert.equal(byId[id]?.messageKey, 'checks-braze:reply.inactive');
      for (const text of shown(byId[id])) {
        assert.ok(text.includes('403') && text.includes(brazeMessages.inactive), text);
      }
    }
  });

  it('each missing permission fails on its own row; the key itself still passes', async () => {
    const { byId } = await run('partial');
    assert.equal(byId['braze.api_key']?.status, 'pass');
    assert.deepEqual(Object.fromEntries(permissionIds.map((id) => [id, byId[id]?.status])), {
      'braze.permission.users.track': 'pass',
      'braze.permission.users.export.segment': 'fail',
      'braze.permission.segments.list': 'pass',
      'braze.permission.campaigns.trigger.send': 'fail',
      'braze.permission.canvas.trigger.send': 'fail',
    });
    assert.equal(
      byId['braze.permission.canvas.trigger.send']?.messageKey,
      'checks-braze:permission.missing',
    );
    assert.equal(
      byId['braze.permission.canvas.trigger.send']?.params.permission,
      'canvas.trigger.send',
    );
  });

  it('an undocumented 403 is inconclusive and shows Braze’s status and message', async () => {
    const { byId } = await run('blocked');
    assert.equal(byId['braze.api_key']?.status, 'inconclusive');
    assert.equal(byId['braze.api_key']?.messageKey, 'checks-braze:apiKey.forbidden');
    const track = byId['braze.permission.users.track'];
    assert.equal(track?.status, 'inconclusive');
    assert.equal(track?.messageKey, 'checks-braze:reply.unexpected');
    assert.deepEqual(track?.params, { status: 403, message: 'Forbidden' });
  });

  it('lasting server errors and rate limits end inconclusive after bounded retries', async () => {
    const broken = await run('broken');
    assert.equal(broken.byId['braze.api_key']?.messageKey, 'checks-braze:reply.serverError');
    assert.equal((broken.byId['braze.api_key']?.details as { attempts: number }).attempts, 3);
    const throttled = await run('throttled');
    assert.equal(throttled.byId['braze.api_key']?.messageKey, 'checks-braze:reply.rateLimited');
    for (const text of shown(throttled.byId['braze.api_key'])) {
      assert.ok(text.includes('429') && text.includes(brazeMessages.overRateLimit), text);
    }
    assert.deepEqual(
      throttled.results.filter((r) => r.status !== 'inconclusive'),
      [],
    );
  });

  it('lists thousands of segments several pages at a time, with progress', async () => {
    const events: CheckEvent[] = [];
    const { byId, artifacts } = await run('good', many.url, events);
    assert.equal(byId['braze.segments']?.status, 'pass');
    assert.equal(byId['braze.segments']?.params.count, 3050);
    const segments = BrazeSegmentsArtifactSchema.parse(
      artifacts[brazeSegmentsArtifactKey],
    ).segments;
    assert.deepEqual(
      segments.map((s) => s.id),
      many.knownIds.segments,
    );
    const pages = many.requests
      .filter((r) => r.path === '/segments/list')
      .map((r) => Number(r.query.page));
    // Pages 0–30 once each for the listing, page 0 twice more (key and permission probes), a bounded overshoot.
    assert.ok(pages.length <= 31 + 2 + 8, `too many page requests: ${pages.length}`);
    // Pages from 2 on are sent after page 0 and page 1 were answered, when the other probes are done,
    // so what the fake saw open then is listing pages: several at once, never more than the cap (8).
    const openAtLaterPages = many.requests
      .filter((r) => r.path === '/segments/list' && Number(r.query.page) >= 2)
      .map((r) => r.inFlight);
    assert.ok(
      Math.max(...openAtLaterPages) >= 4,
      `pages went one at a time: ${openAtLaterPages.join(',')}`,
    );
    const openEver = many.requests.map((r) => r.inFlight);
    assert.ok(Math.max(...openEver) <= 8, `more than 8 requests open: ${openEver.join(',')}`);
    const progress = events.filter(
      (e) => e.checkId === 'braze.segments' && e.state === 'running' && e.progress,
    );
    assert.ok(progress.length >= 10);
    const counts = progress.map((e) => (e.state === 'running' ? (e.progress?.done ?? 0) : 0));
    assert.deepEqual(
      counts,
      [...counts].sort((a, b) => a - b),
    );
  });

  it('holds the per-host cap per request: segment pages share it with the other probes', async () => {
    const capped = await startBrazeFake({ keys: { good: {} }, segments: 1250, latencyMs: 50 });
    try {
      const { results } = await runChecks({
        client: testClient({ braze: { instance: 'custom', restEndpoint: capped.url } }),
        definitions: brazeChecks,
        secrets: secretsOf({ 'braze.apiKey': 'good' }),
        http,
        perHostConcurrency: 3,
      });
      assert.deepEqual(new Set(results.map((r) => r.status)), new Set(['pass']));
      const open = capped.requests.map((r) => r.inFlight);
      assert.equal(Math.max(...open), 3, `requests open at once: ${open.join(',')}`);
    } finally {
      await capped.close();
    }
  });

  it('an empty workspace warns that ODP would have no segment to sync', async () => {
    const { byId } = await run('good', none.url);
    assert.equal(byId['braze.segments']?.status, 'warn');
    assert.equal(byId['braze.segments']?.messageKey, 'checks-braze:segments.none');
  });

  it('a REST endpoint that is not Braze’s fails the key check as a wrong endpoint', async () => {
    const { byId } = await run('good', `${fake.url}/not-braze`);
    assert.equal(byId['braze.api_key']?.status, 'fail');
    assert.equal(byId['braze.api_key']?.messageKey, 'checks-braze:apiKey.wrongEndpoint');
  });

  it('an unknown instance id or an empty custom endpoint is reported before any request', async () => {
    const before = fake.requests.length;
    const unknown = await runChecks({
      client: testClient({ braze: { instance: 'custom' } }),
      definitions: brazeChecks,
      secrets: secretsOf({ 'braze.apiKey': 'good' }),
      http,
    });
    assert.ok(
      unknown.results.every(
        (r) => r.status === 'skipped' && r.params.input === 'braze.restEndpoint',
      ),
    );
    const client = testClient();
    client.inputs['braze.instance'] = 'US-99';
    const bad = await runChecks({
      client,
      definitions: brazeChecks,
      secrets: secretsOf({ 'braze.apiKey': 'good' }),
      http,
    });
    assert.ok(
      bad.results.every(
        (r) => r.status === 'fail' && r.messageKey === 'checks-braze:endpoint.unknownInstance',
      ),
    );
    assert.equal(fake.requests.length, before);
  });

  it('plain http to the fake is refused without --allow-insecure-loopback, and nothing is sent', async () => {
    const before = fake.requests.length;
    const { results } = await runChecks({
      client: testClient({ braze: { instance: 'custom', restEndpoint: fake.url } }),
      definitions: brazeChecks,
      secrets: secretsOf({ 'braze.apiKey': 'good' }),
      http: createHttpClient({ allowInsecureLoopback: false }),
    });
    assert.ok(
      results.every((r) => r.status === 'fail' && r.messageKey === 'checks:error.insecureUrl'),
    );
    assert.equal(fake.requests.length, before);
  });

  it('without a key every Braze check is skipped as missing a secret', async () => {
    const { results } = await runChecks({
      client: testClient({ braze: { instance: 'US-03' } }),
      definitions: brazeChecks,
      secrets: secretsOf({}),
      http,
    });
    assert.ok(
      results.every((r) => r.status === 'skipped' && r.messageKey === 'checks:skip.missingSecret'),
    );
  });
});

describe('the Braze fake’s side-effect detector', () => {
  it('flags a broadcast, a known id and user data, so the guard above can fail', async () => {
    const probe = await startBrazeFake({ keys: { good: {} } });
    try {
      const post = (path: string, body: unknown) =>
        http.request({
          method: 'POST',
          url: `${probe.url}${path}`,
          headers: { authorization: 'Bearer good' },
          body,
        });
      assert.equal(
        (
          await post('/campaigns/trigger/send', {
            campaign_id: probe.knownIds.campaigns[0],
            broadcast: true,
          })
        ).status,
        201,
      );
      assert.equal(
        (await post('/canvas/trigger/send', { canvas_id: probe.knownIds.canvases[0] })).status,
        201,
      );
      assert.equal(
        (await post('/users/track', { attributes: [{ external_id: 'u1', plan: 'gold' }] })).status,
        201,
      );
      assert.deepEqual(probe.sideEffects(), [
        'POST /campaigns/trigger/send: broadcast true',
        'POST /campaigns/trigger/send: known campaign',
        'POST /campaigns/trigger/send: accepted (201)',
        'POST /canvas/trigger/send: known canvas',
        'POST /canvas/trigger/send: accepted (201)',
        'POST /users/track: user data',
        'POST /users/track: accepted (201)',
      ]);
    } finally {
      await probe.close();
    }
  });
});
