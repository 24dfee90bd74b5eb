import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClientSummary } from '../../../../shared/types/client.ts';
import { Dialog } from '../../components/Dialog.tsx';
import { FormError } from '../../components/FormError.tsx';
import { useClientsStore } from '../../stores/clients-store.ts';
import { errorText, useToastStore } from '../../stores/toast-store.ts';

interface ClientNameDialogProps {
  mode: 'rename' | 'duplicate';
  client: Pick<ClientSummary, 'id' | 'name'>;
  onClose: () => void;
  /** Called with the saved client's id (the copy's, when duplicating). */
  onDone?: (id: string) => void;
}

/** Asks for a name, then renames the client or makes a copy of it under that name. */
export function ClientNameDialog({ mode, client, onClose, onDone }: ClientNameDialogProps) {
  const { t } = useTranslation();
  const nameId = useId();
  const errorId = useId();
  const [name, setName] = useState(
    mode === 'rename' ? client.name : t('app:nameDialog.copyName', { name: client.name }),
  );
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const trimmed = name.trim();
    if (!trimmed) return setError(t('app:forms.nameRequired'));
    setBusy(true);
    try {
      const store = useClientsStore.getState();
      let id = client.id;
      if (mode === 'rename') await store.rename(client.id, trimmed);
      else id = (await store.duplicate(client.id, trimmed)).id;
      useToastStore.getState().push('info', t(`app:nameDialog.done.${mode}`, { name: trimmed }));
      onClose();
      onDone?.(id);
    } catch (failure) {
      setError(errorText(failure));
      setBusy(false);
    }
  };

  return (
    <Dialog title={t(`app:nameDialog.title.${mode}`, { name: client.name })} onClose={onClose}>
      <form className="form" onSubmit={(event) => void submit(event)} noValidate>
        {mode === 'duplicate' ? <p className="muted">{t('app:nameDialog.duplicateHelp')}</p> : null}
        <div className="field">
          <label htmlFor={nameId}>{t('app:forms.clientName')}</label>
          <input
            id={nameId}
            className="input"
            value={name}
            maxLength={120}
            autoComplete="off"
            aria-describedby={errorId}
            onChange={(event) => setName(event.target.value)}
          />
        </div>
        <FormError id={errorId} message={error} />
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onClose}>
            {t('app:common.cancel')}
          </button>
          <button type="submit" className="button button-primary" disabled={busy}>
            {t(`app:nameDialog.submit.${mode}`)}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
