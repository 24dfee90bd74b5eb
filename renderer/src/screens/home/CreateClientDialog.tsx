import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { IntegrationId } from '../../../../shared/types/ids.ts';
import { Dialog } from '../../components/Dialog.tsx';
import { FormError } from '../../components/FormError.tsx';
import { IntegrationChoice } from '../../components/IntegrationChoice.tsx';
import { useClientsStore } from '../../stores/clients-store.ts';
import { useRouteStore } from '../../stores/route-store.ts';
import { errorText } from '../../stores/toast-store.ts';

export function CreateClientDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const nameId = useId();
  const errorId = useId();
  const [name, setName] = useState('');
  const [integrations, setIntegrations] = useState<IntegrationId[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim()) return setError(t('app:forms.nameRequired'));
    if (integrations.length === 0) return setError(t('app:forms.integrationRequired'));
    setBusy(true);
    try {
      const client = await useClientsStore.getState().create(name.trim(), integrations);
      onClose();
      useRouteStore.getState().go({ name: 'client', clientId: client.id, stepId: null });
    } catch (failure) {
      setError(errorText(failure));
      setBusy(false);
    }
  };

  return (
    <Dialog title={t('app:createDialog.title')} onClose={onClose}>
      <form className="form" onSubmit={(event) => void submit(event)} noValidate>
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
        <IntegrationChoice value={integrations} onChange={setIntegrations} describedBy={errorId} />
        <FormError id={errorId} message={error} />
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onClose}>
            {t('app:common.cancel')}
          </button>
          <button type="submit" className="button button-primary" disabled={busy}>
            {t('app:createDialog.submit')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
