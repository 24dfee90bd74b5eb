import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { hasControlCharacters } from '../../../../shared/text/control-characters.ts';
import type { ClientSummary } from '../../../../shared/types/client.ts';
import { ClientNameField } from '../../components/ClientNameField.tsx';
import { FormDialog } from '../../components/FormDialog.tsx';
import { useClientsStore } from '../../stores/clients-store.ts';
import { useToastStore } from '../../stores/toast-store.ts';

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
  const [name, setName] = useState(
    mode === 'rename' ? client.name : t('app:nameDialog.copyName', { name: client.name }),
  );

  const save = async () => {
    const trimmed = name.trim();
    const store = useClientsStore.getState();
    let id = client.id;
    if (mode === 'rename') await store.rename(client.id, trimmed);
    else id = (await store.duplicate(client.id, trimmed)).id;
    useToastStore.getState().push('info', t(`app:nameDialog.done.${mode}`, { name: trimmed }));
    onClose();
    onDone?.(id);
  };

  return (
    <FormDialog
      title={t(`app:nameDialog.title.${mode}`, { name: client.name })}
      onClose={onClose}
      validate={() => {
        if (!name.trim()) return t('app:forms.nameRequired');
        return hasControlCharacters(name.trim()) ? t('app:forms.nameControl') : null;
      }}
      save={save}
      submitLabel={t(`app:nameDialog.submit.${mode}`)}
    >
      {(errorId) => (
        <>
          {mode === 'duplicate' ? (
            <p className="muted">{t('app:nameDialog.duplicateHelp')}</p>
          ) : null}
          <ClientNameField value={name} onChange={setName} describedBy={errorId} />
        </>
      )}
    </FormDialog>
  );
}
