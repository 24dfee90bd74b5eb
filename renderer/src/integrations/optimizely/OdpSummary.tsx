import { useTranslation } from 'react-i18next';
import type { SummarySection } from '../../../../shared/integrations/optimizely/plan.ts';
import { copyText } from '../../components/clipboard.ts';
import { useOdpPlan } from './plan-store.ts';

const maxCopyButtons = 20;

/** One section of the "do this in ODP" summary: numbered steps, a copy button per value. */
export function OdpSummary({ section }: { section: SummarySection['id'] }) {
  const { t } = useTranslation();
  const view = useOdpPlan((s) => s.view);
  const found = view?.summary.find((s) => s.id === section);
  if (!found) return null;
  return (
    <section className="step-section odp-summary" aria-label={t(found.titleKey)}>
      <h3>{t('odp:ui.summary.title', { section: t(found.titleKey) })}</h3>
      <ol>
        {found.steps.map((step, i) => (
          <li key={i}>
            {t(step.key, step.params)}
            {step.copy.slice(0, maxCopyButtons).map((value, n) => (
              <button
                key={n}
                type="button"
                className="button button-quiet button-small"
                aria-label={t('odp:ui.summary.copyValue', { value })}
                onClick={() => void copyText(value)}
              >
                {t('odp:ui.summary.copy')}
              </button>
            ))}
            {step.copy.length > maxCopyButtons ? (
              // A long list (every segment to sync) is copied whole rather than one button each.
              <button
                type="button"
                className="button button-quiet button-small"
                aria-label={t('odp:ui.summary.copyAllLabel', { count: step.copy.length })}
                onClick={() => void copyText(step.copy.join('\n'))}
              >
                {t('odp:ui.summary.copyAll', { count: step.copy.length })}
              </button>
            ) : null}
          </li>
        ))}
      </ol>
    </section>
  );
}
