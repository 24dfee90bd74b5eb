import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Client } from '../../../../shared/types/client.ts';
import type { IntegrationId } from '../../../../shared/types/ids.ts';
import { Dialog } from '../../components/Dialog.tsx';
import { FormError } from '../../components/FormError.tsx';
import { IntegrationChoice } from '../../components/IntegrationChoice.tsx';
import { useClientStore } from '../../stores/client-store.ts';
import { useClientsStore } from '../../stores/clients-store.ts';
import { errorText } from '../../stores/toast-store.ts';

export function IntegrationsDialog({ client, onClose }: { client: Client; onClose: () => void }) {
  const { t } = useTranslation();
  const errorId = useId();
  const [value, setValue] = useState<IntegrationId[]>(client.integrations);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (value.length === 0) return setError(t('app:forms.integrationRequired'));
    setBusy(true);
    try {
      await useClientStore.getState().setIntegrations(value);
      await useClientsStore.getState().refresh();
      onClose();
    } catch (failure) {
      setError(errorText(failure));
      setBusy(false);
    }
  };

  return (
    <Dialog title={t('app:integrationsDialog.title')} onClose={onClose}>
      <form className="form" onSubmit={(event) => void submit(event)} noValidate>
        <p className="muted">{t('app:integrationsDialog.help')}</p>
        <IntegrationChoice value={value} onChange={setValue} describedBy={errorId} />
        <FormError id={errorId} message={error} />
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onClose}>
            {t('app:common.cancel')}
          </button>
          <button type="submit" className="button button-primary" disabled={busy}>
            {t('app:common.save')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
