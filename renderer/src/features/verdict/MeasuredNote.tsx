import { useTranslation } from 'react-i18next';
import type { CheckResult } from '../../../../shared/types/checks.ts';
import { useFormatDate } from '../../components/format.ts';

/**
 * When something a check drew (a chart) was measured, marked outdated with the check's result:
 * a picture of a setup that has changed since must not pass for the current one.
 */
export function MeasuredNote({ at, by }: { at: string | null; by: CheckResult | undefined }) {
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  if (!at) return null;
  return (
    <p className="measured-note" data-outdated={by?.outdated ? 'true' : 'false'}>
      {t('checks:verdict.measured', { date: formatDate(at) })}
      {by?.outdated ? (
        <>
          {' '}
          <span className="badge badge-outdated">{t('app:checks.status.outdated')}</span>{' '}
          {t('checks:verdict.outdatedHelp')}
        </>
      ) : null}
    </p>
  );
}
