import type { CheckResult, CheckStatus } from '../types/checks.ts';

/** Why a check that applies says nothing (yet) about the setup as it is now. */
export const notVerifiedReasons = [
  'notRun',
  'missingSecret',
  'missingInput',
  'dependency',
  'unconfirmedHost',
  'inconclusive',
  'offline',
  'cancelled',
  'outdated',
  'stale',
  'noBasis',
] as const;
export type NotVerifiedReason = (typeof notVerifiedReasons)[number];

/**
 * Where one check stands for the verdict: it passed (or warned), it failed, the CSM chose not to
 * run it (an opt-in not given), or it does not verify the setup as it is now, and why.
 */
export type CheckStanding =
  | { kind: 'passing' }
  | { kind: 'failing' }
  | { kind: 'notRequested' }
  | { kind: 'notVerified'; reason: NotVerifiedReason };

export interface StandingOptions {
  staleAfterHours: number;
  now: number;
}

const hourMs = 3_600_000;

/**
 * Statuses that say something about the client's setup. A skip (offline, no secret, cancelled)
 * validated nothing, so it never ages into "stale".
 */
const verdictStatuses: ReadonlySet<CheckStatus> = new Set(['pass', 'warn', 'fail', 'inconclusive']);

/** A verdict is stale once it is older than the CSM's threshold; a skip never is. */
export const isStale = (
  result: Pick<CheckResult, 'status' | 'at'>,
  staleAfterHours: number,
  now: number,
): boolean =>
  verdictStatuses.has(result.status) &&
  now - new Date(result.at).getTime() > staleAfterHours * hourMs;

/** Whether a result says something about the setup (so it moves "last validated"). */
export const isVerdictStatus = (status: CheckStatus): boolean => verdictStatuses.has(status);

const skipReasons: Readonly<Record<string, CheckStanding>> = {
  'checks:skip.notOptedIn': { kind: 'notRequested' },
  'checks:skip.missingSecret': { kind: 'notVerified', reason: 'missingSecret' },
  'checks:skip.missingInput': { kind: 'notVerified', reason: 'missingInput' },
  'checks:skip.dependency': { kind: 'notVerified', reason: 'dependency' },
  'checks:skip.unconfirmedHost': { kind: 'notVerified', reason: 'unconfirmedHost' },
  'checks:skip.unconfirmedFirstHost': { kind: 'notVerified', reason: 'unconfirmedHost' },
  'checks:skip.offline': { kind: 'notVerified', reason: 'offline' },
  'checks:error.offline': { kind: 'notVerified', reason: 'offline' },
  'checks:skip.cancelled': { kind: 'notVerified', reason: 'cancelled' },
};

/**
 * The one rule for a single check, used by every verdict, step state, report and exit status:
 * - no result: not run;
 * - outdated (something it read changed since): not verified, whatever it said;
 * - failed: failing, however old (nothing newer says otherwise);
 * - inconclusive or skipped: not verified, with the reason (an opt-in not given: not requested);
 * - passed or warned: passing, unless it is stale, or was stored before the app recorded what
 *   results are computed from, so whether it still holds cannot be known.
 */
export function standingOf(
  result: CheckResult | undefined,
  options: StandingOptions,
): CheckStanding {
  if (!result) return { kind: 'notVerified', reason: 'notRun' };
  if (result.outdated) return { kind: 'notVerified', reason: 'outdated' };
  switch (result.status) {
    case 'fail':
      return { kind: 'failing' };
    case 'inconclusive':
      return { kind: 'notVerified', reason: 'inconclusive' };
    case 'skipped':
      return skipReasons[result.messageKey] ?? { kind: 'notVerified', reason: 'notRun' };
    case 'pass':
    case 'warn':
      if (!result.basis) return { kind: 'notVerified', reason: 'noBasis' };
      if (isStale(result, options.staleAfterHours, options.now)) {
        return { kind: 'notVerified', reason: 'stale' };
      }
      return { kind: 'passing' };
  }
}
