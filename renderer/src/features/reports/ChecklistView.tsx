import { useTranslation } from 'react-i18next';
import { guideFor } from '../../../../shared/guides/index.ts';
import type { Client } from '../../../../shared/types/client.ts';
import { isStale } from '../../../../shared/verdict/standing.ts';
import { stepStateOf } from '../../../../shared/verdict/step-state.ts';
import { useFormatDate } from '../../components/format.ts';
import { guideKey } from '../../screens/client/guide-steps.ts';
import { checkNameKeys } from '../checks/check-names.ts';
import { badgeStateOf, StatusBadge } from '../checks/StatusBadge.tsx';
import { StepStateBadge } from '../verdict/StepStateBadge.tsx';
import { useStandingOptions } from '../verdict/use-verdict.ts';

const plain = (text: string) => text.replaceAll('**', '');

/**
 * Every step of the client's guides at once, read-only: its state, each confirmation with who
 * ticked it, when and the note, each check with its last status, message and time, stale and
 * outdated ones marked.
 */
export function ChecklistView({ client }: { client: Client }) {
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  const standing = useStandingOptions();
  const { staleAfterHours, now } = standing;
  return (
    <div className="checklist" data-checklist-client={client.name}>
      {client.integrations.map((integration) => {
        const guide = guideFor(integration);
        return (
          <section
            key={integration}
            className="checklist-guide"
            aria-labelledby={`cl-${integration}`}
          >
            <h2 id={`cl-${integration}`}>{plain(t(guideKey(guide, guide.titleKey)))}</h2>
            {guide.steps.map((step) => {
              const state = stepStateOf(client, step, standing);
              return (
                <article key={step.id} className="checklist-step" data-step-id={step.id}>
                  <h3>
                    {plain(t(guideKey(guide, step.titleKey)))}{' '}
                    {state ? <StepStateBadge state={state} /> : null}
                  </h3>
                  {step.confirmations.length > 0 ? (
                    <ul className="checklist-confirmations">
                      {step.confirmations.map((c) => {
                        const tick = client.confirmations[c.id];
                        return (
                          <li
                            key={c.id}
                            data-confirmation-id={c.id}
                            data-done={tick ? 'true' : 'false'}
                          >
                            <span aria-hidden="true">{tick ? '✓ ' : '○ '}</span>
                            {plain(t(guideKey(guide, c.labelKey)))}
                            <span className="muted checklist-meta">
                              {' — '}
                              {tick
                                ? tick.by
                                  ? t('dashboard:checklist.confirmedBy', {
                                      name: tick.by,
                                      date: formatDate(tick.at),
                                    })
                                  : t('dashboard:checklist.confirmedOn', {
                                      date: formatDate(tick.at),
                                    })
                                : t('dashboard:checklist.notConfirmed')}
                            </span>
                            {tick?.note ? (
                              <span className="checklist-note">
                                {t('dashboard:checklist.note', { note: tick.note })}
                              </span>
                            ) : null}
                          </li>
                        );
                      })}
                    </ul>
                  ) : null}
                  {step.checks.length > 0 ? (
                    <ul className="checklist-checks">
                      {step.checks.map((id) => {
                        const result = client.checkResults[id];
                        const stale = result ? isStale(result, staleAfterHours, now) : false;
                        const outdated = result?.outdated === true;
                        return (
                          <li
                            key={id}
                            data-check-id={id}
                            data-stale={stale ? 'true' : 'false'}
                            data-outdated={outdated ? 'true' : 'false'}
                          >
                            <span className="check-name">{t(checkNameKeys(id), { id })}</span>{' '}
                            <StatusBadge state={badgeStateOf(result)} />
                            {result ? (
                              <>
                                <span className="check-message">
                                  {' '}
                                  {t(result.messageKey, result.params)}
                                </span>
                                <span className="muted checklist-meta">
                                  {' '}
                                  {t('dashboard:checklist.checkedAt', {
                                    date: formatDate(result.at),
                                  })}
                                </span>
                                {stale ? (
                                  <span className="tag tag-stale">
                                    {t('dashboard:dashboard.stale')}
                                  </span>
                                ) : null}
                              </>
                            ) : (
                              <span className="muted"> {t('dashboard:checklist.notRun')}</span>
                            )}
                          </li>
                        );
                      })}
                    </ul>
                  ) : null}
                </article>
              );
            })}
          </section>
        );
      })}
    </div>
  );
}
