import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  isStale,
  selectRows,
  summarizeClient,
  type ClientOverview,
  type OverviewFilter,
} from '../../shared/dashboard/overview.ts';
import { guides } from '../../shared/guides/index.ts';
import type { CheckResult, CheckStatus } from '../../shared/types/checks.ts';
import type { Client } from '../../shared/types/client.ts';
import type { IntegrationId } from '../../shared/integrations/lists.ts';
import type { ScopedVerdict } from '../../shared/verdict/client-verdict.ts';
import { reviewClient } from '../support/review-client.ts';

const now = Date.UTC(2026, 10, 20, 12);

const hour = 3_600_000;
const iso = (ms: number) => new Date(ms).toISOString();
const result = (id: string, status: CheckStatus, at: number): CheckResult => ({
  id,
  status,
  messageKey: status === 'skipped' ? 'checks:skip.offline' : 'checks:status.pass',
  params: {},
  durationMs: 5,
  at: iso(at),
});
const withResults = (...results: CheckResult[]): Client => ({
  ...reviewClient({ now }),
  checkResults: Object.fromEntries(results.map((r) => [r.id, r])),
});
const cell = (row: ClientOverview, integration: IntegrationId) => {
  const found = row.byIntegration.find((c) => c.integration === integration);
  assert.ok(found, `no ${integration} cell`);
  return found;
};

describe('client overview', () => {
  it('counts steps done (both halves), failing and stale checks, last validation, the verdict', () => {
    const client = reviewClient({ now });
    const row = summarizeClient(client, { staleAfterHours: 24, now });
    const withSomething = (id: IntegrationId) =>
      guides[id].steps.filter((s) => s.confirmations.length > 0 || s.checks.length > 0).length;
    const withConfirmations = (id: IntegrationId) =>
      guides[id].steps.filter((s) => s.confirmations.length > 0).length;
    const apiKeyAt = client.checkResults['braze.api_key']?.at ?? null;
    // reviewClient ticks all of Jacquard's prerequisites and half of its step 1; its s3.bucket
    // fails, and odp.api_key (Optimizely only) is 50 hours old.
    const jacquard = cell(row, 'jacquard');
    // The prerequisites are ticked, but their jacquard.token check never ran: not done.
    assert.equal(jacquard.stepsDone, 0);
    assert.equal(jacquard.stepsTotal, withSomething('jacquard'));
    assert.deepEqual([jacquard.failing, jacquard.stale], [1, 0]);
    assert.equal(jacquard.lastValidatedAt, apiKeyAt);
    assert.equal(jacquard.verdict.verdict, 'failing');
    assert.deepEqual(
      [jacquard.verdict.stepsConfirmed, jacquard.verdict.stepsToConfirm],
      [1, withConfirmations('jacquard')],
    );
    const optimizely = cell(row, 'optimizely');
    assert.equal(optimizely.stepsDone, 0);
    assert.equal(optimizely.stepsTotal, withSomething('optimizely'));
    assert.deepEqual([optimizely.failing, optimizely.stale], [0, 1]);
    // Nothing failed, but the stale pass and the checks never run leave it unverified.
    assert.equal(optimizely.verdict.verdict, 'not-verified');
    assert.equal(optimizely.verdict.reasons.stale, 1);
    assert.ok((optimizely.verdict.reasons.notRun ?? 0) > 0);
    assert.equal(row.failing, 1);
    assert.equal(row.checked, 3);
    assert.equal(row.stale, 1);
    assert.equal(row.lastValidatedAt, apiKeyAt);
    assert.equal(row.verdict.verdict, 'failing');
  });

  it('an outdated failure is no longer counted as failing: the row is not verified, and says why', () => {
    const client = reviewClient({ now });
    const bucket = client.checkResults['s3.bucket'];
    assert.ok(bucket);
    client.checkResults['s3.bucket'] = { ...bucket, outdated: true };
    const row = summarizeClient(client, { staleAfterHours: 24, now });
    assert.equal(row.failing, 0);
    assert.equal(cell(row, 'jacquard').failing, 0);
    assert.equal(row.verdict.verdict, 'not-verified');
    assert.equal(row.verdict.reasons.outdated, 1);
  });

  it('a step is done only when its confirmations are ticked and its checks pass', () => {
    const client = reviewClient({ now });
    const jacquardOnly = { ...client, integrations: ['jacquard' as const] };
    const token = client.checkResults['braze.api_key'];
    assert.ok(token);
    const withToken = (status: CheckStatus) => ({
      ...jacquardOnly,
      checkResults: {
        ...client.checkResults,
        'jacquard.token': { ...token, id: 'jacquard.token', status },
      },
    });
    const done = (c: Client) =>
      cell(summarizeClient(c, { staleAfterHours: 24, now }), 'jacquard').stepsDone;
    assert.equal(done(withToken('pass')), 1, 'the prerequisites: both halves');
    assert.equal(done(withToken('fail')), 0, 'ticked, but a check fails');
    assert.equal(done(withToken('inconclusive')), 0, 'ticked, but a check is not verified');
  });

  it('ignores results of checks that belong to an integration the client does not use', () => {
    const client = { ...reviewClient({ now }), integrations: ['jacquard' as const] };
    const row = summarizeClient(client, { staleAfterHours: 24, now });
    assert.equal(row.checked, 2, 'odp.api_key is not counted');
    assert.equal(row.stale, 0);
    assert.deepEqual(
      row.byIntegration.map((c) => c.integration),
      ['jacquard'],
    );
  });

  it('a larger threshold makes the old result fresh again', () => {
    const row = summarizeClient(reviewClient({ now }), { staleAfterHours: 72, now });
    assert.equal(row.stale, 0);
  });

  it('a client whose every check was skipped was never validated and has nothing stale', () => {
    const client = withResults(
      result('braze.api_key', 'skipped', now),
      result('s3.bucket', 'skipped', now - 100 * hour),
      result('odp.api_key', 'skipped', now - hour),
    );
    const row = summarizeClient(client, { staleAfterHours: 24, now });
    assert.equal(row.lastValidatedAt, null);
    assert.equal(row.stale, 0);
    assert.equal(row.checked, 0);
    for (const c of row.byIntegration) assert.equal(c.lastValidatedAt, null, c.integration);
  });

  it('a skip after a real verdict keeps the verdict as last validation, which still goes stale', () => {
    const client = withResults(
      result('braze.api_key', 'pass', now - 30 * hour),
      result('s3.bucket', 'skipped', now),
    );
    const row = summarizeClient(client, { staleAfterHours: 24, now });
    assert.equal(row.lastValidatedAt, iso(now - 30 * hour));
    assert.equal(row.stale, 1);
    assert.equal(cell(row, 'jacquard').lastValidatedAt, iso(now - 30 * hour));
  });

  it('warn, fail and inconclusive are verdicts: each moves last validation', () => {
    for (const status of ['warn', 'fail', 'inconclusive'] as const) {
      const client = withResults(
        result('braze.api_key', 'pass', now - 5 * hour),
        result('s3.bucket', status, now - hour),
      );
      const row = summarizeClient(client, { staleAfterHours: 24, now });
      assert.equal(row.lastValidatedAt, iso(now - hour), status);
    }
  });

  it('per integration: a Braze check both guides reference counts in both, once for the client', () => {
    const client = withResults(
      result('braze.api_key', 'fail', now - 3 * hour),
      result('s3.bucket', 'fail', now - 2 * hour),
      result('odp.api_key', 'pass', now - hour),
    );
    const row = summarizeClient(client, { staleAfterHours: 24, now });
    assert.equal(cell(row, 'jacquard').failing, 2, 'braze.api_key and s3.bucket');
    assert.equal(cell(row, 'optimizely').failing, 1, 'braze.api_key only');
    assert.equal(row.failing, 2, 'braze.api_key counted once');
    assert.equal(cell(row, 'jacquard').lastValidatedAt, iso(now - 2 * hour));
    assert.equal(cell(row, 'optimizely').lastValidatedAt, iso(now - hour));
    assert.equal(row.lastValidatedAt, iso(now - hour));
  });
});

describe('dashboard selection', () => {
  const verdict = (name: ScopedVerdict['verdict'], failing = 0): ScopedVerdict => ({
    verdict: name,
    passing: name === 'verified' ? 3 : 1,
    failing,
    notVerified: name === 'not-verified' ? 2 : 0,
    notRequested: 0,
    reasons: name === 'not-verified' ? { notRun: 2 } : {},
    stepsConfirmed: 5,
    stepsToConfirm: 5,
  });
  const cellOf = (patch: { stepsDone: number }) => ({
    integration: 'jacquard' as const,
    stepsTotal: 5,
    failing: 0,
    stale: 0,
    lastValidatedAt: null,
    verdict: verdict('verified'),
    ...patch,
  });
  const row = (name: string, patch: Partial<ClientOverview> = {}): ClientOverview => ({
    id: crypto.randomUUID(),
    name,
    integrations: ['jacquard'],
    updatedAt: new Date(now).toISOString(),
    byIntegration: [cellOf({ stepsDone: 5 })],
    failing: 0,
    checked: 0,
    stale: 0,
    lastValidatedAt: null,
    verdict: verdict('verified'),
    ...patch,
  });
  const rows = [
    row('Zeta Café', { failing: 2, verdict: verdict('failing', 2) }),
    row('acme', { byIntegration: [cellOf({ stepsDone: 1 })], verdict: verdict('not-verified') }),
    row('Beta', { stale: 1, lastValidatedAt: new Date(now - 1000).toISOString() }),
  ];
  const names = (list: ClientOverview[]) => list.map((r) => r.name);

  it('searches names ignoring case and accents', () => {
    assert.deepEqual(names(selectRows(rows, { search: 'cafe', filter: 'all', sort: 'name' })), [
      'Zeta Café',
    ]);
    assert.deepEqual(names(selectRows(rows, { search: 'ACM', filter: 'all', sort: 'name' })), [
      'acme',
    ]);
  });

  it('filters each verdict, incomplete and stale', () => {
    const only = (filter: OverviewFilter) =>
      names(selectRows(rows, { search: '', filter, sort: 'name' }));
    assert.deepEqual(only('verified'), ['Beta']);
    assert.deepEqual(only('failing'), ['Zeta Café']);
    assert.deepEqual(only('notVerified'), ['acme']);
    assert.deepEqual(only('incomplete'), ['acme']);
    assert.deepEqual(only('stale'), ['Beta']);
  });

  it('sorts by name, progress, failing and last validation', () => {
    const by = (sort: 'name' | 'progress' | 'failing' | 'lastValidated') =>
      names(selectRows(rows, { search: '', filter: 'all', sort }));
    assert.deepEqual(by('name'), ['acme', 'Beta', 'Zeta Café']);
    assert.deepEqual(by('progress')[0], 'acme');
    assert.deepEqual(by('failing')[0], 'Zeta Café');
    assert.deepEqual(by('lastValidated').at(-1), 'Beta', 'never validated comes first');
  });
});

it('only a verdict ages into stale: an old skip (offline, no secret) never does', () => {
  const at = (hoursAgo: number) => new Date(now - hoursAgo * 3_600_000).toISOString();
  assert.equal(isStale({ status: 'pass', at: at(25) }, 24, now), true);
  assert.equal(isStale({ status: 'inconclusive', at: at(25) }, 24, now), true);
  assert.equal(isStale({ status: 'fail', at: at(23) }, 24, now), false);
  assert.equal(isStale({ status: 'skipped', at: at(500) }, 24, now), false);
});
