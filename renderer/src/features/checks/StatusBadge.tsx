import { useTranslation } from 'react-i18next';
import type { CheckStatus } from '../../../../shared/types/checks.ts';

/** A check's status, plus the states a check can be in before it has a result. */
export type BadgeState = CheckStatus | 'notAvailable' | 'notRun';

export function StatusBadge({ state }: { state: BadgeState }) {
  const { t } = useTranslation();
  return <span className={`badge badge-${state}`}>{t(`app:checks.status.${state}`)}</span>;
}
