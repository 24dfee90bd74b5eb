import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Client } from '../../../../shared/types/client.ts';
import type { IntegrationId } from '../../../../shared/integrations/lists.ts';
import { FormDialog } from '../../components/FormDialog.tsx';
import { IntegrationChoice } from '../../components/IntegrationChoice.tsx';
import { useClientStore } from '../../stores/client-store.ts';
import { useClientsStore } from '../../stores/clients-store.ts';

export function IntegrationsDialog({ client, onClose }: { client: Client; onClose: () => void }) {
  const { t } = useTranslation();
  const [value, setValue] = useState<IntegrationId[]>(client.integrations);

  const save = async () => {
    await useClientStore.getState().setIntegrations(value);
    await useClientsStore.getState().refresh();
    onClose();
  };

  return (
    <FormDialog
      title={t('app:integrationsDialog.title')}
      onClose={onClose}
      validate={() => (value.length === 0 ? t('app:forms.integrationRequired') : null)}
      save={save}
      submitLabel={t('app:common.save')}
    >
      {(errorId) => (
        <>
          <p className="muted">{t('app:integrationsDialog.help')}</p>
          <IntegrationChoice value={value} onChange={setValue} describedBy={errorId} />
        </>
      )}
    </FormDialog>
  );
}
