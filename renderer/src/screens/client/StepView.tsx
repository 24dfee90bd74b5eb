import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Client } from '../../../../shared/types/client.ts';
import { stepStateOf } from '../../../../shared/verdict/step-state.ts';
import { RichText } from '../../components/RichText.tsx';
import { CheckList } from '../../features/checks/CheckList.tsx';
import { StepStateBadge } from '../../features/verdict/StepStateBadge.tsx';
import { useStandingOptions } from '../../features/verdict/use-verdict.ts';
import { stepPanels } from '../../integrations/registry.ts';
import { ConfirmationList } from './ConfirmationList.tsx';
import { CopyValues } from './CopyValues.tsx';
import { guideKey, type GuideStep } from './guide-steps.ts';
import { StepInputs } from './StepInputs.tsx';
import { StepSection } from './StepSection.tsx';

interface StepViewProps {
  client: Client;
  entry: GuideStep;
  position: { index: number; total: number };
  previous: GuideStep | null;
  next: GuideStep | null;
  onNavigate: (stepId: string) => void;
}

/** Previous/Next put the reader at the top of the step they open (a fresh StepView). */
let focusNextHeading = false;

/** Any step of any guide, drawn from its data: the renderer knows no step by name. */
export function StepView({ client, entry, position, previous, next, onNavigate }: StepViewProps) {
  const { t, i18n } = useTranslation();
  const { guide, step } = entry;
  // Some dashboards exist in English only: their paths name the menus as shown; say so.
  const menuInEnglish = i18n.language !== 'en' && step.where?.englishMenus === true;
  const k = (key: string) => t(guideKey(guide, key));
  const rich = (key: string) => <RichText text={k(key)} />;
  const headingRef = useRef<HTMLHeadingElement>(null);
  const Panel = stepPanels[step.id];
  const state = stepStateOf(client, step, useStandingOptions());

  useEffect(() => {
    const heading = headingRef.current;
    if (focusNextHeading) {
      focusNextHeading = false;
      heading?.focus();
    } else if (heading && heading.getBoundingClientRect().top < 0) {
      // Opened from the side nav while scrolled down: start at the step's top, not part-way.
      heading.scrollIntoView({ block: 'start' });
    }
  }, []);

  const navigate = (target: GuideStep) => {
    focusNextHeading = true;
    onNavigate(target.step.id);
  };

  return (
    <section className="step-view" aria-labelledby={`step-title-${step.id}`} data-step-id={step.id}>
      <p className="step-kicker">
        {k(guide.titleKey)} · {t(`app:step.kinds.${step.kind}`)} ·{' '}
        {t('app:step.position', { index: position.index + 1, total: position.total })}
      </p>
      <h2 id={`step-title-${step.id}`} ref={headingRef} tabIndex={-1} className="step-title">
        {k(step.titleKey)}
      </h2>
      {state ? (
        <p className="step-state-line">
          <StepStateBadge state={state} />
        </p>
      ) : null}
      <p className="step-intro">{rich(step.introKey)}</p>
      {step.where ? (
        <p className="step-where">
          <span className="step-where-label">{t('app:step.where')}</span>{' '}
          <span className="step-where-app">{t(`app:step.apps.${step.where.app}`)}</span>
          <span aria-hidden="true"> › </span>
          <span className="step-where-path">{rich(step.where.pathKey)}</span>
          {menuInEnglish ? (
            <span className="step-where-note"> ({t('app:step.whereEnglish')})</span>
          ) : null}
        </p>
      ) : null}
      {step.warningKey ? (
        <div className="callout callout-warning" role="note">
          <strong>{t('app:step.warning')}</strong> {rich(step.warningKey)}
        </div>
      ) : null}
      {step.instructions.length > 0 ? (
        <StepSection title={t('app:step.instructions')}>
          <ol className="instructions">
            {step.instructions.map((key) => (
              <li key={key}>{rich(key)}</li>
            ))}
          </ol>
        </StepSection>
      ) : null}
      <CopyValues client={client} guide={guide} values={step.copyValues} />
      <StepInputs client={client} guide={guide} inputs={step.inputs} />
      <ConfirmationList client={client} guide={guide} confirmations={step.confirmations} />
      <CheckList client={client} checkIds={step.checks} />
      {Panel ? <Panel client={client} /> : null}
      <div className="step-pager">
        {previous ? (
          <button type="button" className="button" onClick={() => navigate(previous)}>
            <span aria-hidden="true">← </span>
            {t('app:step.previous', { title: t(guideKey(previous.guide, previous.step.titleKey)) })}
          </button>
        ) : (
          <span />
        )}
        {next ? (
          <button type="button" className="button button-primary" onClick={() => navigate(next)}>
            {t('app:step.next', { title: t(guideKey(next.guide, next.step.titleKey)) })}
            <span aria-hidden="true"> →</span>
          </button>
        ) : null}
      </div>
    </section>
  );
}
