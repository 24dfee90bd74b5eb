import { z } from 'zod';
import type { CheckResult } from '../types/checks.ts';
import {
  notVerifiedReasons,
  standingOf,
  type CheckStanding,
  type StandingOptions,
} from './standing.ts';

export const verdicts = ['verified', 'failing', 'not-verified'] as const;
export const VerdictNameSchema = z.enum(verdicts);
export type VerdictName = z.infer<typeof VerdictNameSchema>;

const count = z.number().int().nonnegative();

/** The bottom line over a set of checks, with the figures behind it. */
export const VerdictSchema = z.object({
  verdict: VerdictNameSchema,
  passing: count,
  failing: count,
  /** Checks that apply but say nothing about the setup as it is now; `reasons` says why. */
  notVerified: count,
  /** Checks the CSM chose not to run (an opt-in not given): they count for nothing. */
  notRequested: count,
  reasons: z.partialRecord(z.enum(notVerifiedReasons), count),
});
export type Verdict = z.infer<typeof VerdictSchema>;

/**
 * Failing when any check failed; otherwise not verified when any check that applies did not reach
 * a verdict, or when no check passed at all (nothing was verified); verified only when every check
 * that applies passed or warned.
 */
export function verdictOf(standings: Iterable<CheckStanding>): Verdict {
  const out: Verdict = {
    verdict: 'not-verified',
    passing: 0,
    failing: 0,
    notVerified: 0,
    notRequested: 0,
    reasons: {},
  };
  for (const standing of standings) {
    if (standing.kind === 'notVerified') {
      out.notVerified++;
      out.reasons[standing.reason] = (out.reasons[standing.reason] ?? 0) + 1;
    } else {
      out[standing.kind]++;
    }
  }
  if (out.failing > 0) out.verdict = 'failing';
  else if (out.notVerified === 0 && out.passing > 0) out.verdict = 'verified';
  return out;
}

/** The verdict over these checks' stored results (each id once). */
export function verdictOfChecks(
  results: Readonly<Record<string, CheckResult>>,
  checkIds: Iterable<string>,
  options: StandingOptions,
): Verdict {
  return verdictOf([...new Set(checkIds)].map((id) => standingOf(results[id], options)));
}
