import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClientSummary } from '../../../../shared/types/client.ts';
import { Dialog } from '../../components/Dialog.tsx';
import { useClientsStore } from '../../stores/clients-store.ts';
import { attempt, useToastStore } from '../../stores/toast-store.ts';

interface DeleteClientDialogProps {
  client: Pick<ClientSummary, 'id' | 'name'>;
  onClose: () => void;
  onDeleted?: () => void;
}

export function DeleteClientDialog({ client, onClose, onDeleted }: DeleteClientDialogProps) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);

  const remove = async () => {
    setBusy(true);
    const done = await attempt(async () => {
      await useClientsStore.getState().remove(client.id);
      return true;
    });
    setBusy(false);
    if (!done) return;
    useToastStore.getState().push('info', t('app:deleteDialog.done', { name: client.name }));
    onClose();
    onDeleted?.();
  };

  return (
    <Dialog title={t('app:deleteDialog.title', { name: client.name })} onClose={onClose}>
      <p>{t('app:deleteDialog.body')}</p>
      <p className="callout callout-warning">{t('app:deleteDialog.secrets')}</p>
      <div className="dialog-actions">
        <button type="button" className="button" onClick={onClose} autoFocus>
          {t('app:common.cancel')}
        </button>
        <button
          type="button"
          className="button button-danger"
          disabled={busy}
          onClick={() => void remove()}
        >
          {t('app:deleteDialog.confirm')}
        </button>
      </div>
    </Dialog>
  );
}
