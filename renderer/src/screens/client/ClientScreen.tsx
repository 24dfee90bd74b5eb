import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Banners } from '../../components/Banners.tsx';
import { useClientStore } from '../../stores/client-store.ts';
import { routeHash, useRouteStore } from '../../stores/route-store.ts';
import { useSecretsStore } from '../../stores/secrets-store.ts';
import { attempt } from '../../stores/toast-store.ts';
import { ClientHeader } from './ClientHeader.tsx';
import { GuideNav } from './GuideNav.tsx';
import { stepsOf } from './guide-steps.ts';
import { StepView } from './StepView.tsx';

interface ClientScreenProps {
  clientId: string;
  stepId: string | null;
}

export function ClientScreen({ clientId, stepId }: ClientScreenProps) {
  const { t } = useTranslation();
  const client = useClientStore((s) => (s.client?.id === clientId ? s.client : null));
  const missing = useClientStore((s) => s.missing);
  const go = useRouteStore((s) => s.go);

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

  const steps = stepsOf(client);
  const index = Math.max(
    0,
    steps.findIndex((entry) => entry.step.id === stepId),
  );
  const current = steps[index];
  const goToStep = (id: string) => go({ name: 'client', clientId, stepId: id });

  return (
    <main id="main" className="page page-client">
      <Banners />
      <ClientHeader client={client} />
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
    </main>
  );
}
