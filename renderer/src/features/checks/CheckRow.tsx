import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { isStale } from '../../../../shared/verdict/standing.ts';
import type { CheckResult } from '../../../../shared/types/checks.ts';
import { useFormatDate } from '../../components/format.ts';
import { checkNameKeys } from './check-names.ts';
import { badgeStateOf, StatusBadge } from './StatusBadge.tsx';

interface CheckRowProps {
  checkId: string;
  /** The client's last stored result for this check, if any. */
  result: CheckResult | undefined;
  /** Whether this build implements the check (`checks:catalog`). */
  available: boolean;
  staleAfterHours: number;
  /** Room for run/cancel buttons and live progress. */
  children?: ReactNode;
}

export function CheckRow({ checkId, result, available, staleAfterHours, children }: CheckRowProps) {
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  const [now] = useState(() => Date.now());
  const state = result || available ? badgeStateOf(result) : 'notAvailable';
  const noteKey = result ? noteKeyOf(result) : null;
  return (
    <li
      className="check-row"
      data-check-id={checkId}
      data-outdated={result?.outdated ? 'true' : 'false'}
    >
      <div className="check-head">
        <span className="check-name">{t(checkNameKeys(checkId), { id: checkId })}</span>
        <StatusBadge state={state} />
      </div>
      {result ? (
        <div className="check-result">
          <p className="check-message">{t(result.messageKey, result.params)}</p>
          {noteKey ? <p className="check-note">{t(noteKey, result?.params)}</p> : null}
          {result.appOnlyNote ? (
            <p className="check-note">
              {t(result.appOnlyNote.messageKey, result.appOnlyNote.params)}
            </p>
          ) : null}
          <p className="check-time">
            {t('app:checks.lastRun', { date: formatDate(result.at) })}
            {isStale(result, staleAfterHours, now) ? (
              <span className="tag tag-stale">{t('app:checks.stale')}</span>
            ) : null}
          </p>
          {result.outdated ? (
            <p className="check-outdated">
              {t('app:checks.lastResult', { status: t(`app:checks.status.${result.status}`) })}{' '}
              {t('checks:verdict.outdatedHelp')}
            </p>
          ) : null}
        </div>
      ) : (
        <p className="check-message muted">
          {available ? t('app:checks.notRunHelp') : t('app:checks.notAvailableHelp')}
        </p>
      )}
      {children}
    </li>
  );
}

/** A check may attach a note to its result (`details.noteKey`), e.g. how the partner page spells it. */
function noteKeyOf(result: CheckResult): string | null {
  const { details } = result;
  if (typeof details !== 'object' || details === null || Array.isArray(details)) return null;
  return typeof details.noteKey === 'string' ? details.noteKey : null;
}
