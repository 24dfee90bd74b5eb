import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { guideFor } from '../../../../shared/guides/index.ts';
import type { Client } from '../../../../shared/types/client.ts';
import { stepStateOf } from '../../../../shared/verdict/step-state.ts';
import { StepStateMark } from '../../features/verdict/StepStateMark.tsx';
import { useStandingOptions } from '../../features/verdict/use-verdict.ts';
import { routeHash } from '../../stores/route-store.ts';
import { confirmationProgress, guideKey } from './guide-steps.ts';

interface GuideNavProps {
  client: Client;
  currentStepId: string | null;
}

function GuideSection({
  client,
  currentStepId,
  id,
}: GuideNavProps & { id: Client['integrations'][number] }) {
  const { t } = useTranslation();
  const headingId = useId();
  const guide = guideFor(id);
  const overall = confirmationProgress(client, guide.steps);
  const standing = useStandingOptions();
  return (
    <div className="nav-guide" role="group" aria-labelledby={headingId}>
      <h2 id={headingId} className="nav-guide-title">
        {t(guideKey(guide, guide.titleKey))}
      </h2>
      <div className="nav-progress">
        <progress
          value={overall.done}
          max={Math.max(overall.total, 1)}
          aria-label={t('app:client.guideProgress', {
            guide: t(guideKey(guide, guide.titleKey)),
            done: overall.done,
            total: overall.total,
          })}
        />
        <span aria-hidden="true">
          {overall.done}/{overall.total}
        </span>
      </div>
      <ol className="nav-steps">
        {guide.steps.map((step) => {
          const progress = confirmationProgress(client, [step]);
          const state = stepStateOf(client, step, standing);
          return (
            <li key={step.id}>
              <a
                href={routeHash({ name: 'client', clientId: client.id, stepId: step.id })}
                className={`nav-step${state?.state === 'done' ? ' nav-step-complete' : ''}`}
                aria-current={step.id === currentStepId ? 'step' : undefined}
                data-step-id={step.id}
                data-step-state={state?.state ?? 'none'}
              >
                <span className="nav-step-title">{t(guideKey(guide, step.titleKey))}</span>
                {state ? <StepStateMark state={state} /> : null}
                {progress.total > 0 ? (
                  <span className="nav-step-count">
                    <span aria-hidden="true">
                      {progress.done}/{progress.total}
                    </span>
                    <span className="visually-hidden">
                      {t('app:client.stepProgress', progress)}
                    </span>
                  </span>
                ) : null}
              </a>
            </li>
          );
        })}
      </ol>
    </div>
  );
}

/**
 * The client's guides and their steps, each with its state (done only when its confirmations are
 * ticked and its checks pass) and how many of its confirmations are ticked.
 */
export function GuideNav({ client, currentStepId }: GuideNavProps) {
  const { t } = useTranslation();
  return (
    <nav className="guide-nav" aria-label={t('app:client.stepsNav')}>
      {client.integrations.map((id) => (
        <GuideSection key={id} id={id} client={client} currentStepId={currentStepId} />
      ))}
    </nav>
  );
}
