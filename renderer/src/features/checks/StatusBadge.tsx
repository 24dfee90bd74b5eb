import { useTranslation } from 'react-i18next';
import type { CheckResult, CheckStatus } from '../../../../shared/types/checks.ts';

/**
 * A check's status, the states a check can be in before it has a result, and "outdated": a
 * result whose basis changed shows that instead of what it said, so it is never read as a pass.
 */
export type BadgeState = CheckStatus | 'notAvailable' | 'notRun' | 'outdated';

/** The badge of a stored result (or of none). */
export const badgeStateOf = (result: CheckResult | undefined): BadgeState =>
  result ? (result.outdated ? 'outdated' : result.status) : 'notRun';

export function StatusBadge({ state }: { state: BadgeState }) {
  const { t } = useTranslation();
  return <span className={`badge badge-${state}`}>{t(`app:checks.status.${state}`)}</span>;
}
