import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClientSummary } from '../../../../shared/types/client.ts';
import { Banners } from '../../components/Banners.tsx';
import { useFormatDate } from '../../components/format.ts';
import { useClientsStore } from '../../stores/clients-store.ts';
import { routeHash } from '../../stores/route-store.ts';
import { CreateClientDialog } from './CreateClientDialog.tsx';
import { DeleteClientDialog } from './DeleteClientDialog.tsx';
import { ClientNameDialog } from './ClientNameDialog.tsx';

type Pending =
  { kind: 'create' } | { kind: 'rename' | 'duplicate' | 'delete'; client: ClientSummary } | null;

export function ClientListScreen() {
  const { t } = useTranslation();
  const list = useClientsStore((s) => s.list);
  const formatDate = useFormatDate();
  const [pending, setPending] = useState<Pending>(null);
  const close = () => setPending(null);

  return (
    <main id="main" className="page page-home">
      <Banners />
      <div className="page-title-row">
        <h1>{t('app:home.title')}</h1>
        <button
          type="button"
          className="button button-primary"
          onClick={() => setPending({ kind: 'create' })}
        >
          {t('app:home.create')}
        </button>
      </div>
      {list.length === 0 ? (
        <div className="empty-state">
          <h2>{t('app:home.emptyTitle')}</h2>
          <p>{t('app:home.emptyBody')}</p>
        </div>
      ) : (
        <table className="client-table">
          <caption className="visually-hidden">{t('app:home.tableCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('app:home.columns.name')}</th>
              <th scope="col">{t('app:home.columns.integrations')}</th>
              <th scope="col">{t('app:home.columns.updated')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('app:home.columns.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {list.map((client) => (
              <tr key={client.id} data-client-name={client.name}>
                <th scope="row">
                  <a
                    className="client-link"
                    href={routeHash({ name: 'client', clientId: client.id, stepId: null })}
                  >
                    {client.name}
                  </a>
                </th>
                <td>{client.integrations.map((id) => t(`app:integrations.${id}`)).join(', ')}</td>
                <td>{formatDate(client.updatedAt)}</td>
                <td className="row-actions">
                  {(['rename', 'duplicate', 'delete'] as const).map((kind) => (
                    <button
                      key={kind}
                      type="button"
                      className={`button button-small ${kind === 'delete' ? 'button-danger-quiet' : 'button-quiet'}`}
                      aria-label={t(`app:home.actionLabels.${kind}`, { name: client.name })}
                      onClick={() => setPending({ kind, client })}
                    >
                      {t(`app:home.actions.${kind}`)}
                    </button>
                  ))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
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
