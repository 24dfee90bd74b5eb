import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { hasControlCharacters } from '../../../../shared/text/control-characters.ts';
import type { IntegrationId } from '../../../../shared/integrations/lists.ts';
import { ClientNameField } from '../../components/ClientNameField.tsx';
import { FormDialog } from '../../components/FormDialog.tsx';
import { IntegrationChoice } from '../../components/IntegrationChoice.tsx';
import { useClientsStore } from '../../stores/clients-store.ts';
import { useRouteStore } from '../../stores/route-store.ts';

export function CreateClientDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [integrations, setIntegrations] = useState<IntegrationId[]>([]);

  const validate = () => {
    if (!name.trim()) return t('app:forms.nameRequired');
    if (hasControlCharacters(name.trim())) return t('app:forms.nameControl');
    if (integrations.length === 0) return t('app:forms.integrationRequired');
    return null;
  };

  const save = async () => {
    const client = await useClientsStore.getState().create(name.trim(), integrations);
    onClose();
    useRouteStore.getState().go({ name: 'client', clientId: client.id, stepId: null });
  };

  return (
    <FormDialog
      title={t('app:createDialog.title')}
      onClose={onClose}
      validate={validate}
      save={save}
      submitLabel={t('app:createDialog.submit')}
    >
      {(errorId) => (
        <>
          <ClientNameField value={name} onChange={setName} describedBy={errorId} />
          <IntegrationChoice
            value={integrations}
            onChange={setIntegrations}
            describedBy={errorId}
          />
        </>
      )}
    </FormDialog>
  );
}
