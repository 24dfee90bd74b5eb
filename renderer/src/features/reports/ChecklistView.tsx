import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isStale, isStepDone } from '../../../../shared/dashboard/overview.ts';
import { guideFor } from '../../../../shared/guides/index.ts';
import type { Client } from '../../../../shared/types/client.ts';
import { useFormatDate } from '../../components/format.ts';
import { guideKey } from '../../screens/client/guide-steps.ts';
import { useAppStore } from '../../stores/app-store.ts';
import { checkNameKeys } from '../checks/check-names.ts';
import { StatusBadge } from '../checks/StatusBadge.tsx';

const plain = (text: string) => text.replaceAll('**', '');

/**
 * Every step of the client's guides at once, read-only: each confirmation with who ticked it,
 * when and the note, each check with its last status, message and time, stale ones marked.
 */
export function ChecklistView({ client }: { client: Client }) {
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  const staleAfterHours = useAppStore((s) => s.settings.staleAfterHours);
  const [now] = useState(() => Date.now());
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
              const done = step.confirmations.length > 0 ? isStepDone(client, step) : null;
              return (
                <article key={step.id} className="checklist-step" data-step-id={step.id}>
                  <h3>
                    {plain(t(guideKey(guide, step.titleKey)))}{' '}
                    {done === null ? null : (
                      <span className={`tag ${done ? 'tag-done' : 'tag-open'}`}>
                        {t(done ? 'dashboard:checklist.stepDone' : 'dashboard:checklist.stepOpen')}
                      </span>
                    )}
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
                        return (
                          <li key={id} data-check-id={id} data-stale={stale ? 'true' : 'false'}>
                            <span className="check-name">{t(checkNameKeys(id), { id })}</span>{' '}
                            <StatusBadge state={result ? result.status : 'notRun'} />
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
