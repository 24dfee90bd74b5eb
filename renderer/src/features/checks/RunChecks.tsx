import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { knownOptIns } from '../../../../shared/integrations/lists.ts';
import { checkStatuses, type CheckStatus } from '../../../../shared/types/checks.ts';
import type { Client } from '../../../../shared/types/client.ts';
import { clientVerdict } from '../../../../shared/verdict/client-verdict.ts';
import { verdictLine } from '../../../../shared/verdict/verdict-text.ts';
import { attempt } from '../../stores/toast-store.ts';
import { useSay, useStandingOptions } from '../verdict/use-verdict.ts';
import { activeRunFor, followCheckRuns, useRunsStore } from './runs-store.ts';

interface RunChecksProps {
  client: Client;
  /** The step's checks that this build implements. */
  checkIds: readonly string[];
}

/**
 * "Run this step's checks" / "Run all checks", opt-in ticks, Cancel, the step's summary, and once a
 * run of all checks ends, the client's verdict.
 */
export function RunChecks({ client, checkIds }: RunChecksProps) {
  const { t } = useTranslation();
  const [optIns, setOptIns] = useState<ReadonlySet<string>>(new Set());
  const run = useRunsStore((s) => activeRunFor(s.runs, client.id, checkIds));
  const start = useRunsStore((s) => s.start);
  const cancel = useRunsStore((s) => s.cancel);
  useEffect(() => followCheckRuns(), []);

  // Set once a "Run all checks" started here has been accepted; its summary shows when it ends.
  const [ranAll, setRanAll] = useState(false);
  const standing = useStandingOptions();
  const say = useSay();
  const offered = knownOptIns.filter((o) => o.checks.some((id) => checkIds.includes(id)));
  const go = (scope: { checkIds?: string[] }) => {
    const all = scope.checkIds === undefined;
    setRanAll(false);
    void attempt(async () => {
      await start(client.id, scope, [...optIns]);
      if (all) setRanAll(true);
    });
  };
  const counts = Object.fromEntries(checkStatuses.map((s) => [s, 0])) as Record<
    CheckStatus,
    number
  >;
  // An outdated result is counted as outdated, never as what it said.
  let outdated = 0;
  for (const id of checkIds) {
    const result = client.checkResults[id];
    if (result?.outdated) outdated++;
    else if (result) counts[result.status]++;
  }
  const anyResult = checkIds.some((id) => client.checkResults[id]);

  if (checkIds.length === 0) return null;
  return (
    <div className="run-checks">
      {offered.map((o) => (
        <label key={o.id} className="run-checks-optin">
          <input
            type="checkbox"
            checked={optIns.has(o.id)}
            disabled={run !== null}
            onChange={(e) => {
              const next = new Set(optIns);
              if (e.target.checked) next.add(o.id);
              else next.delete(o.id);
              setOptIns(next);
            }}
          />{' '}
          {t(`checks:optIn.${o.id}`)}
        </label>
      ))}
      <div className="run-checks-buttons">
        {run ? (
          <>
            <span role="status">{t('checks:ui.running')}</span>{' '}
            <button
              type="button"
              className="button"
              onClick={() => void attempt(() => cancel(run.runId))}
            >
              {t('checks:ui.cancel')}
            </button>
          </>
        ) : (
          <>
            <button
              type="button"
              className="button button-primary"
              onClick={() => go({ checkIds: [...checkIds] })}
            >
              {t('checks:ui.runStep')}
            </button>{' '}
            <button type="button" className="button" onClick={() => go({})}>
              {t('checks:ui.runClient')}
            </button>
          </>
        )}
      </div>
      {anyResult ? (
        <p className="run-checks-summary">
          {t('checks:ui.stepSummary', { summary: t('checks:summary', counts) })}
          {outdated > 0 ? ` ${t('checks:ui.stepOutdated', { count: outdated })}` : null}
        </p>
      ) : null}
      <p className="run-all-summary" role="status">
        {ranAll && run === null
          ? t('checks:verdict.runSummary', {
              verdict: verdictLine(clientVerdict(client, standing), say),
            })
          : null}
      </p>
    </div>
  );
}
