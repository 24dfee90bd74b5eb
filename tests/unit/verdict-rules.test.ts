import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { guides } from '../../shared/guides/index.ts';
import type { CheckBasis, CheckResult, CheckStatus } from '../../shared/types/checks.ts';
import type { Client } from '../../shared/types/client.ts';
import { clientVerdict, integrationVerdict } from '../../shared/verdict/client-verdict.ts';
import { standingOf, type CheckStanding } from '../../shared/verdict/standing.ts';
import { stepStateOf, type StepState } from '../../shared/verdict/step-state.ts';
import { verdictLine } from '../../shared/verdict/verdict-text.ts';
import { verdictOf } from '../../shared/verdict/verdict.ts';
import { createI18n } from '../../shared/i18n/index.ts';

const now = Date.UTC(2026, 10, 20, 12);
const hour = 3_600_000;
const options = { staleAfterHours: 24, now };
const en = createI18n('en').t;

const basis: CheckBasis = {
  reads: [],
  fingerprint: 'sha256:0',
  secretsSavedAt: {},
  endpoint: null,
  dependencies: {},
};

/** Every way a check's last result can read, as the engine stores it. */
const outcomes = {
  pass: { status: 'pass', messageKey: 'checks:status.pass' },
  warn: { status: 'warn', messageKey: 'checks:status.warn' },
  fail: { status: 'fail', messageKey: 'checks:status.fail' },
  inconclusive: { status: 'inconclusive', messageKey: 'checks:error.timeout' },
  missingSecret: { status: 'skipped', messageKey: 'checks:skip.missingSecret' },
  missingInput: { status: 'skipped', messageKey: 'checks:skip.missingInput' },
  dependency: { status: 'skipped', messageKey: 'checks:skip.dependency' },
  offline: { status: 'skipped', messageKey: 'checks:skip.offline' },
  offlineFound: { status: 'skipped', messageKey: 'checks:error.offline' },
  cancelled: { status: 'skipped', messageKey: 'checks:skip.cancelled' },
  unconfirmedHost: { status: 'skipped', messageKey: 'checks:skip.unconfirmedHost' },
  unconfirmedFirstHost: { status: 'skipped', messageKey: 'checks:skip.unconfirmedFirstHost' },
  notOptedIn: { status: 'skipped', messageKey: 'checks:skip.notOptedIn' },
} as const satisfies Record<string, { status: CheckStatus; messageKey: string }>;
type Outcome = keyof typeof outcomes;

const result = (
  id: string,
  outcome: Outcome,
  extra: { outdated?: boolean; ageHours?: number; noBasis?: boolean } = {},
): CheckResult => ({
  id,
  ...outcomes[outcome],
  params: {},
  durationMs: 1,
  at: new Date(now - (extra.ageHours ?? 1) * hour).toISOString(),
  ...(extra.noBasis ? {} : { basis }),
  ...(extra.outdated ? { outdated: true as const } : {}),
});

/** What each outcome means for the verdict when it is current: written out, not derived. */
const currentStanding: Record<Outcome, CheckStanding> = {
  pass: { kind: 'passing' },
  warn: { kind: 'passing' },
  fail: { kind: 'failing' },
  inconclusive: { kind: 'notVerified', reason: 'inconclusive' },
  missingSecret: { kind: 'notVerified', reason: 'missingSecret' },
  missingInput: { kind: 'notVerified', reason: 'missingInput' },
  dependency: { kind: 'notVerified', reason: 'dependency' },
  offline: { kind: 'notVerified', reason: 'offline' },
  offlineFound: { kind: 'notVerified', reason: 'offline' },
  cancelled: { kind: 'notVerified', reason: 'cancelled' },
  unconfirmedHost: { kind: 'notVerified', reason: 'unconfirmedHost' },
  unconfirmedFirstHost: { kind: 'notVerified', reason: 'unconfirmedHost' },
  notOptedIn: { kind: 'notRequested' },
};

describe('one check: where its last result stands', () => {
  for (const outcome of Object.keys(outcomes) as Outcome[]) {
    it(`${outcome}, current`, () => {
      assert.deepEqual(standingOf(result('c', outcome), options), currentStanding[outcome]);
    });
    it(`${outcome}, outdated: never counted as anything but outdated`, () => {
      assert.deepEqual(standingOf(result('c', outcome, { outdated: true }), options), {
        kind: 'notVerified',
        reason: 'outdated',
      });
    });
  }
  it('never run', () => {
    assert.deepEqual(standingOf(undefined, options), { kind: 'notVerified', reason: 'notRun' });
  });
  it('a pass or warning older than the threshold is stale; a failure stays a failure', () => {
    const old = { ageHours: 25 };
    assert.deepEqual(standingOf(result('c', 'pass', old), options), {
      kind: 'notVerified',
      reason: 'stale',
    });
    assert.deepEqual(standingOf(result('c', 'warn', old), options), {
      kind: 'notVerified',
      reason: 'stale',
    });
    assert.deepEqual(standingOf(result('c', 'fail', old), options), { kind: 'failing' });
  });
  it('a pass stored before results recorded their basis cannot be trusted to still hold', () => {
    assert.deepEqual(standingOf(result('c', 'pass', { noBasis: true }), options), {
      kind: 'notVerified',
      reason: 'noBasis',
    });
    assert.deepEqual(standingOf(result('c', 'fail', { noBasis: true }), options), {
      kind: 'failing',
    });
  });
});

describe('the verdict over several checks', () => {
  it('verified only when every check that applies passed or warned', () => {
    const v = verdictOf([{ kind: 'passing' }, { kind: 'passing' }, { kind: 'notRequested' }]);
    assert.equal(v.verdict, 'verified');
    assert.deepEqual([v.passing, v.failing, v.notVerified, v.notRequested], [2, 0, 0, 1]);
  });
  it('failing as soon as one failed, whatever else', () => {
    const v = verdictOf([
      { kind: 'passing' },
      { kind: 'failing' },
      { kind: 'notVerified', reason: 'notRun' },
    ]);
    assert.equal(v.verdict, 'failing');
    assert.equal(v.failing, 1);
    assert.equal(verdictLine(v, en), 'Failing — failed checks: 1');
  });
  it('not verified, with how many and why, when none failed but one did not reach a verdict', () => {
    const v = verdictOf([
      { kind: 'passing' },
      { kind: 'notVerified', reason: 'outdated' },
      { kind: 'notVerified', reason: 'notRun' },
      { kind: 'notVerified', reason: 'notRun' },
    ]);
    assert.equal(v.verdict, 'not-verified');
    assert.deepEqual(v.reasons, { outdated: 1, notRun: 2 });
    assert.equal(
      verdictLine(v, en),
      'Not verified — checks without a current verdict: 3 (not run: 2, outdated, something they used changed since: 1)',
    );
  });
  it('not verified when nothing was verified at all: never "0 failing" as a bottom line', () => {
    for (const standings of [[], [{ kind: 'notRequested' } as const]]) {
      const v = verdictOf(standings);
      assert.equal(v.verdict, 'not-verified');
      assert.equal(verdictLine(v, en), 'Not verified — no check has been run');
    }
  });
});

// A step with two confirmations and one check, and a step with only a check.
const step = {
  confirmations: [
    { id: 's.a', labelKey: 'a' },
    { id: 's.b', labelKey: 'b' },
  ],
  checks: ['c'],
};
const checkOnly = { confirmations: [], checks: ['c'] };
const tickedOf = { none: [], some: ['s.a'], all: ['s.a', 's.b'] } as const;

const clientWith = (
  ticked: readonly string[],
  last: CheckResult | undefined,
): Pick<Client, 'confirmations' | 'checkResults'> => ({
  confirmations: Object.fromEntries(
    ticked.map((id) => [id, { by: 'Dana', at: '2026-11-20T10:00:00Z' }]),
  ),
  checkResults: last ? { c: last } : {},
});

/** The step's state, written out for one check standing and how many of two ticks are given. */
function expectedState(standing: CheckStanding, ticked: number): StepState['state'] {
  if (standing.kind === 'failing') return 'checksFailing';
  if (standing.kind === 'notVerified') return 'notVerified';
  return ticked < 2 ? 'waitingForConfirmation' : 'done';
}

describe('step state: every combination of confirmations, status and outdated', () => {
  for (const [tickName, ticked] of Object.entries(tickedOf)) {
    for (const outcome of [...(Object.keys(outcomes) as Outcome[]), 'notRun' as const]) {
      for (const outdated of outcome === 'notRun' ? [false] : [false, true]) {
        it(`${tickName} ticked, ${outcome}${outdated ? ', outdated' : ''}`, () => {
          const last = outcome === 'notRun' ? undefined : result('c', outcome, { outdated });
          const standing: CheckStanding =
            outcome === 'notRun'
              ? { kind: 'notVerified', reason: 'notRun' }
              : outdated
                ? { kind: 'notVerified', reason: 'outdated' }
                : currentStanding[outcome];
          const state = stepStateOf(clientWith(ticked, last), step, options);
          assert.equal(state?.state, expectedState(standing, ticked.length));
          if (state?.state === 'notVerified' && standing.kind === 'notVerified') {
            assert.deepEqual(state.reasons, { [standing.reason]: 1 });
            assert.equal(state.notVerified, 1);
          }
          if (state?.state === 'waitingForConfirmation') {
            assert.deepEqual([state.confirmed, state.total], [ticked.length, 2]);
          }
        });
      }
    }
  }

  it('a step with only checks is done when they pass, and has no state when nothing applies', () => {
    assert.equal(
      stepStateOf(clientWith([], result('c', 'pass')), checkOnly, options)?.state,
      'done',
    );
    assert.equal(
      stepStateOf(clientWith([], result('c', 'fail')), checkOnly, options)?.state,
      'checksFailing',
    );
    assert.equal(stepStateOf(clientWith([], result('c', 'notOptedIn')), checkOnly, options), null);
    assert.equal(
      stepStateOf(clientWith([], undefined), { confirmations: [], checks: [] }, options),
      null,
    );
  });
});

describe('client and integration verdicts', () => {
  const allTicked = Object.fromEntries(
    [guides.jacquard, guides.optimizely]
      .flatMap((g) => g.steps.flatMap((s) => s.confirmations))
      .map((c) => [c.id, { by: 'Dana', at: '2026-11-20T10:00:00Z' }]),
  );
  const checksOf = (ids: readonly string[], outcome: Outcome) =>
    Object.fromEntries(ids.map((id) => [id, result(id, outcome)]));
  const jacquardIds = [...new Set(guides.jacquard.steps.flatMap((s) => s.checks))];
  const odpIds = [...new Set(guides.optimizely.steps.flatMap((s) => s.checks))];
  const base: Pick<Client, 'integrations' | 'confirmations' | 'checkResults'> = {
    integrations: ['jacquard', 'optimizely'],
    confirmations: allTicked,
    checkResults: { ...checksOf(jacquardIds, 'pass'), ...checksOf(odpIds, 'pass') },
  };

  it('verified when every check of every guide passed; the confirmations beside it', () => {
    const v = clientVerdict(base, options);
    assert.equal(v.verdict, 'verified');
    assert.equal(v.stepsConfirmed, v.stepsToConfirm);
    assert.ok(v.stepsToConfirm > 0);
  });

  it('one outdated Braze check turns both integrations and the client to not verified', () => {
    const client = {
      ...base,
      checkResults: {
        ...base.checkResults,
        'braze.api_key': result('braze.api_key', 'pass', { outdated: true }),
      },
    };
    for (const v of [
      clientVerdict(client, options),
      integrationVerdict(client, 'jacquard', options),
      integrationVerdict(client, 'optimizely', options),
    ]) {
      assert.equal(v.verdict, 'not-verified');
      assert.deepEqual(v.reasons, { outdated: 1 });
    }
  });

  it('verified does not wait for confirmations: how many are pending is said beside it', () => {
    const v = integrationVerdict({ ...base, confirmations: {} }, 'jacquard', options);
    assert.equal(v.verdict, 'verified');
    assert.equal(v.stepsConfirmed, 0);
  });
});
