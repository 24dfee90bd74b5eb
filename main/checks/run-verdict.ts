import { knownOptIns, type IntegrationId } from '../../shared/integrations/lists.ts';
import type { CheckResult } from '../../shared/types/checks.ts';
import { checkIdsOfIntegration } from '../../shared/verdict/client-verdict.ts';
import { standingOf, type StandingOptions } from '../../shared/verdict/standing.ts';
import { verdictOf, type Verdict } from '../../shared/verdict/verdict.ts';

/** The verdict of one run: over every check it ran, and per integration over that guide's checks. */
export interface RunVerdict {
  overall: Verdict;
  /** Integrations of the client with at least one check in the run. */
  byIntegration: Partial<Record<IntegrationId, Verdict>>;
  /**
   * Opt-ins the CSM did not give for checks of this run: what they would add was not requested,
   * which counts against nothing but is said.
   */
  optInsNotGiven: string[];
}

/** A run's results are this run's: nothing in them is outdated or stale yet. */
const justRun: StandingOptions = { staleAfterHours: Infinity, now: 0 };

export function runVerdict(
  results: readonly CheckResult[],
  run: { integrations: readonly IntegrationId[]; optIns: Iterable<string> },
): RunVerdict {
  const byId = new Map(results.map((r) => [r.id, r]));
  const verdictOver = (ids: Iterable<string>): Verdict =>
    verdictOf([...ids].map((id) => standingOf(byId.get(id), justRun)));
  const byIntegration: RunVerdict['byIntegration'] = {};
  for (const integration of run.integrations) {
    const ids = checkIdsOfIntegration(integration).filter((id) => byId.has(id));
    if (ids.length > 0) byIntegration[integration] = verdictOver(ids);
  }
  const given = new Set(run.optIns);
  const wanted = new Set([
    ...knownOptIns.filter((o) => o.checks.some((id) => byId.has(id))).map((o) => o.id),
    ...results
      .filter((r) => r.messageKey === 'checks:skip.notOptedIn')
      .map((r) => String(r.params.optIn ?? '')),
  ]);
  return {
    overall: verdictOver(byId.keys()),
    byIntegration,
    optInsNotGiven: [...wanted].filter((id) => id !== '' && !given.has(id)).sort(),
  };
}
