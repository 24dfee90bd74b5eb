import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClientSummary } from '../../../../shared/types/client.ts';
import { Banners } from '../../components/Banners.tsx';
import { ImportClient } from '../../features/reports/ImportClient.tsx';
import { useClientsStore } from '../../stores/clients-store.ts';
import { useOverviewStore } from '../../stores/overview-store.ts';
import { attempt } from '../../stores/toast-store.ts';
import { CreateClientDialog } from './CreateClientDialog.tsx';
import { DeleteClientDialog } from './DeleteClientDialog.tsx';
import { ClientNameDialog } from './ClientNameDialog.tsx';
import { Dashboard } from './Dashboard.tsx';

type Pending =
  { kind: 'create' } | { kind: 'rename' | 'duplicate' | 'delete'; client: ClientSummary } | null;

export function ClientListScreen() {
  const { t } = useTranslation();
  const list = useClientsStore((s) => s.list);
  const [pending, setPending] = useState<Pending>(null);
  const close = () => {
    setPending(null);
    void attempt(() => useOverviewStore.getState().load());
  };

  return (
    <main id="main" className="page page-home">
      <Banners />
      <div className="page-title-row">
        <h1>{t('app:home.title')}</h1>
        <div className="page-title-actions">
          <ImportClient />
          <button
            type="button"
            className="button button-primary"
            onClick={() => setPending({ kind: 'create' })}
          >
            {t('app:home.create')}
          </button>
        </div>
      </div>
      {list.length === 0 ? (
        <div className="empty-state">
          <h2>{t('app:home.emptyTitle')}</h2>
          <p>{t('app:home.emptyBody')}</p>
        </div>
      ) : (
        <Dashboard
          onAction={(kind, row) => {
            const client = list.find((c) => c.id === row.id);
            if (client) setPending({ kind, client });
          }}
        />
      )}
      {pending?.kind === 'create' ? <CreateClientDialog onClose={close} /> : null}
      {pending?.kind === 'rename' || pending?.kind === 'duplicate' ? (
        <ClientNameDialog mode={pending.kind} client={pending.client} onClose={close} />
      ) : null}
      {pending?.kind === 'delete' ? (
        <DeleteClientDialog client={pending.client} onClose={close} />
      ) : null}
    </main>
  );
}
