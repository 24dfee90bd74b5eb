import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { guideFor } from '../../../../shared/guides/index.ts';
import { pendingHostChanges, type HostChange } from '../../../../shared/secret-hosts/pending.ts';
import type { Client } from '../../../../shared/types/client.ts';
import type { SecretName } from '../../../../shared/integrations/lists.ts';
import { call } from '../../api/index.ts';
import { Dialog } from '../../components/Dialog.tsx';
import { FormError } from '../../components/FormError.tsx';
import { useClientStore } from '../../stores/client-store.ts';
import { errorText, useToastStore } from '../../stores/toast-store.ts';
import { guideKey } from './guide-steps.ts';

/**
 * Secrets held back because the client's settings now send them to hosts the CSM has not
 * confirmed (an import, an edit): a banner on the client's page, and a dialog that shows each
 * secret's confirmed host beside its new one and asks before the secrets go there.
 */
export function HostChanges({ client }: { client: Client }) {
  const { t } = useTranslation();
  const [reviewing, setReviewing] = useState(false);
  const changes = pendingHostChanges(client);
  if (changes.length === 0) return null;
  return (
    <div className="banner banner-warning" data-banner="host-changes">
      <strong>{t('app:hosts.bannerTitle')}</strong> {t('app:hosts.bannerText')}{' '}
      <button
        type="button"
        className="button button-small"
        onClick={() => setReviewing(true)}
        data-host-review=""
      >
        {t('app:hosts.review')}
      </button>
      {reviewing ? (
        <HostChangesDialog client={client} changes={changes} onClose={() => setReviewing(false)} />
      ) : null}
    </div>
  );
}

function HostChangesDialog({
  client,
  changes,
  onClose,
}: {
  client: Client;
  changes: readonly HostChange[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const errorId = useId();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const confirm = async () => {
    setBusy(true);
    try {
      const hosts = changes.map(({ secret, requested }) => ({ secret, host: requested }));
      useClientStore
        .getState()
        .accept(await call('secrets:confirmHosts', { clientId: client.id, hosts }));
      useToastStore.getState().push('info', t('app:hosts.done'));
      onClose();
    } catch (failure) {
      setError(errorText(failure));
      // Changed again meanwhile: the dialog shows the client as it is now.
      await useClientStore
        .getState()
        .reload()
        .catch(() => undefined);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog title={t('app:hosts.title')} onClose={onClose} size="wide">
      <p>{t('app:hosts.intro')}</p>
      <table className="client-table host-table">
        <caption className="visually-hidden">{t('app:hosts.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('app:hosts.secret')}</th>
            <th scope="col">{t('app:hosts.confirmed')}</th>
            <th scope="col">{t('app:hosts.requested')}</th>
          </tr>
        </thead>
        <tbody>
          {changes.map((change) => (
            <tr key={change.secret} data-host-change={change.secret}>
              <th scope="row">{secretLabel(client, change.secret, t)}</th>
              <td>{change.confirmed ? <code>{change.confirmed}</code> : t('app:hosts.none')}</td>
              <td>
                <code>{change.requested}</code>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <FormError id={errorId} message={error} />
      <div className="dialog-actions">
        <button type="button" className="button button-quiet" onClick={onClose}>
          {t('app:hosts.notNow')}
        </button>
        <button
          type="button"
          className="button button-primary"
          disabled={busy}
          onClick={() => void confirm()}
        >
          {t('app:hosts.confirm')}
        </button>
      </div>
    </Dialog>
  );
}

/** The secret's name as its guide's input shows it, in the client's guides. */
function secretLabel(client: Client, secret: SecretName, t: (key: string) => string): string {
  for (const integration of client.integrations) {
    const guide = guideFor(integration);
    for (const step of guide.steps) {
      const input = step.inputs.find((i) => i.kind === 'secret' && i.secret === secret);
      if (input) return t(guideKey(guide, input.labelKey));
    }
  }
  return secret;
}
