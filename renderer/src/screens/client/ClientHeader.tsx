import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Client } from '../../../../shared/types/client.ts';
import { useClientStore } from '../../stores/client-store.ts';
import { attempt } from '../../stores/toast-store.ts';
import { ClientVerdicts } from '../../features/verdict/ClientVerdicts.tsx';
import { ClientNameDialog } from '../home/ClientNameDialog.tsx';
import { IntegrationsDialog } from './IntegrationsDialog.tsx';

export function ClientHeader({ client }: { client: Client }) {
  const { t } = useTranslation();
  const [dialog, setDialog] = useState<'integrations' | 'rename' | null>(null);
  const close = () => setDialog(null);
  return (
    <div className="client-header">
      <div>
        <h1>{client.name}</h1>
        <ul className="chips" aria-label={t('app:client.integrations')}>
          {client.integrations.map((id) => (
            <li key={id} className="chip">
              {t(`app:integrations.${id}`)}
            </li>
          ))}
        </ul>
        <ClientVerdicts client={client} />
      </div>
      <div className="client-header-actions">
        <button type="button" className="button" onClick={() => setDialog('rename')}>
          {t('app:client.rename')}
        </button>
        <button type="button" className="button" onClick={() => setDialog('integrations')}>
          {t('app:client.changeIntegrations')}
        </button>
      </div>
      {dialog === 'integrations' ? <IntegrationsDialog client={client} onClose={close} /> : null}
      {dialog === 'rename' ? (
        <ClientNameDialog
          mode="rename"
          client={client}
          onClose={close}
          onDone={() => void attempt(() => useClientStore.getState().reload())}
        />
      ) : null}
    </div>
  );
}
