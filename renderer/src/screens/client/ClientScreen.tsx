import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { Client } from '../../../../shared/types/client.ts';
import { Banners } from '../../components/Banners.tsx';
import { ChecklistView } from '../../features/reports/ChecklistView.tsx';
import { ExportPanel } from '../../features/reports/ExportPanel.tsx';
import { useClientStore } from '../../stores/client-store.ts';
import { routeHash, useRouteStore } from '../../stores/route-store.ts';
import { useSecretsStore } from '../../stores/secrets-store.ts';
import { attempt } from '../../stores/toast-store.ts';
import { ClientHeader } from './ClientHeader.tsx';
import { GuideNav } from './GuideNav.tsx';
import { HostChanges } from './HostChanges.tsx';
import { stepsOf } from './guide-steps.ts';
import { StepView } from './StepView.tsx';

/** `#/client/<id>/checklist` shows the whole checklist instead of one step (no step has this id). */
const checklistView = 'checklist';

interface ClientScreenProps {
  clientId: string;
  stepId: string | null;
}

export function ClientScreen({ clientId, stepId }: ClientScreenProps) {
  const { t } = useTranslation();
  const client = useClientStore((s) => (s.client?.id === clientId ? s.client : null));
  const missing = useClientStore((s) => s.missing);

  useEffect(() => {
    void attempt(() => useClientStore.getState().open(clientId));
    void attempt(() => useSecretsStore.getState().load(clientId));
  }, [clientId]);

  if (!client) {
    return (
      <main id="main" className="page">
        <Banners />
        <h1>{missing ? t('app:client.notFound') : t('app:common.loading')}</h1>
        {missing ? <a href={routeHash({ name: 'home' })}>{t('app:nav.allClients')}</a> : null}
      </main>
    );
  }

  const checklist = stepId === checklistView;
  const tabs = (
    <nav className="view-tabs" aria-label={t('dashboard:client.views')}>
      <a
        href={routeHash({ name: 'client', clientId, stepId: null })}
        aria-current={checklist ? undefined : 'page'}
      >
        {t('dashboard:client.guideTab')}
      </a>
      <a
        href={routeHash({ name: 'client', clientId, stepId: checklistView })}
        aria-current={checklist ? 'page' : undefined}
        data-view="checklist"
      >
        {t('dashboard:client.checklistTab')}
      </a>
    </nav>
  );

  return (
    <main id="main" className="page page-client">
      <Banners />
      <HostChanges client={client} />
      <ClientHeader client={client} />
      <ExportPanel clientId={client.id} />
      {tabs}
      {checklist ? (
        <ChecklistView client={client} />
      ) : (
        <GuideSteps client={client} stepId={stepId} />
      )}
    </main>
  );
}

/** The guide view: the step list beside the current step (the first one for an unknown id). */
function GuideSteps({ client, stepId }: { client: Client; stepId: string | null }) {
  const go = useRouteStore((s) => s.go);
  const steps = stepsOf(client);
  const index = Math.max(
    0,
    steps.findIndex((entry) => entry.step.id === stepId),
  );
  const current = steps[index];
  const goToStep = (id: string) => go({ name: 'client', clientId: client.id, stepId: id });

  return (
    <div className="client-grid">
      <GuideNav client={client} currentStepId={current?.step.id ?? null} />
      {current ? (
        <StepView
          key={current.step.id}
          client={client}
          entry={current}
          position={{ index, total: steps.length }}
          previous={steps[index - 1] ?? null}
          next={steps[index + 1] ?? null}
          onNavigate={goToStep}
        />
      ) : null}
    </div>
  );
}
