import { useTranslation } from 'react-i18next';
import { useOdpPlan } from './plan-store.ts';

/**
 * The plan panels, unless the saved plan no longer reads: then what is wrong with it, and a way to
 * start over that the CSM must choose, so an edit never silently replaces what was saved.
 */
export function UnreadablePlanGate({ children }: { children: React.ReactNode }) {
  const { t } = useTranslation();
  const field = useOdpPlan((s) => s.view?.unreadable ?? null);
  const replacing = useOdpPlan((s) => s.replacingUnreadable);
  const replace = useOdpPlan((s) => s.replaceUnreadable);
  if (!field || replacing) return <>{children}</>;
  return (
    <section className="step-section odp-plan-panel" aria-label={t('odp:ui.unreadable.replace')}>
      <p role="alert" className="field-error">
        {t('odp:ui.unreadable.message', { field })}
      </p>
      <button type="button" className="button" onClick={replace}>
        {t('odp:ui.unreadable.replace')}
      </button>
    </section>
  );
}
