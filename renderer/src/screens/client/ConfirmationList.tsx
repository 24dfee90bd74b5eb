import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Confirmation as ConfirmationDef, Guide } from '../../../../shared/guides/index.ts';
import type { Client } from '../../../../shared/types/client.ts';
import { useFormatDate } from '../../components/format.ts';
import { useAppStore } from '../../stores/app-store.ts';
import { useClientStore } from '../../stores/client-store.ts';
import { attempt } from '../../stores/toast-store.ts';
import { useUiStore } from '../../stores/ui-store.ts';
import { RichText } from '../../components/RichText.tsx';
import { guideKey } from './guide-steps.ts';
import { StepSection } from './StepSection.tsx';

interface ItemProps {
  client: Client;
  guide: Guide;
  def: ConfirmationDef;
}

/** A manual tick: main records when and the CSM's name from settings; an optional note goes with it. */
function ConfirmationItem({ client, guide, def }: ItemProps) {
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  const checkboxId = useId();
  const noteId = useId();
  const confirmed = client.confirmations[def.id];
  const csmName = useAppStore((s) => s.settings.csmName);
  const [note, setNote] = useState('');
  const [needName, setNeedName] = useState(false);
  // The tick shows at once; main's answer (or a failure) then replaces it.
  const [pending, setPending] = useState<boolean | null>(null);

  const toggle = async (done: boolean) => {
    if (done && !csmName.trim()) return setNeedName(true);
    setNeedName(false);
    setPending(done);
    const saved = await attempt(async () => {
      await useClientStore.getState().setConfirmation(def.id, done, done ? note.trim() : undefined);
      return true;
    });
    if (saved && done) setNote('');
    setPending(null);
  };

  return (
    <li
      className={`confirmation${confirmed ? ' confirmation-done' : ''}`}
      data-confirmation-id={def.id}
    >
      <div className="confirmation-main">
        <input
          id={checkboxId}
          type="checkbox"
          checked={pending ?? Boolean(confirmed)}
          disabled={pending !== null}
          onChange={(event) => void toggle(event.target.checked)}
        />
        <label htmlFor={checkboxId}>
          <RichText text={t(guideKey(guide, def.labelKey))} />
        </label>
      </div>
      <div className="confirmation-detail" aria-live="polite">
        {confirmed ? (
          <>
            <p className="confirmation-by">
              {t('app:confirm.by', { name: confirmed.by, date: formatDate(confirmed.at) })}
            </p>
            {confirmed.note ? (
              <p className="confirmation-note">
                <span className="muted">{t('app:confirm.noteLabel')}</span> {confirmed.note}
              </p>
            ) : null}
          </>
        ) : (
          <details className="confirmation-note-editor">
            <summary>{t('app:confirm.addNote')}</summary>
            <label htmlFor={noteId} className="visually-hidden">
              {t('app:confirm.noteFor', { label: t(guideKey(guide, def.labelKey)) })}
            </label>
            <textarea
              id={noteId}
              className="input"
              rows={2}
              maxLength={2000}
              value={note}
              onChange={(event) => setNote(event.target.value)}
            />
            <p className="field-help">{t('app:confirm.noteHelp')}</p>
          </details>
        )}
        {needName ? (
          <div className="callout callout-info">
            <p>{t('app:confirm.needName')}</p>
            <button
              type="button"
              className="button button-small"
              onClick={() => useUiStore.getState().openSettings('needName')}
            >
              {t('app:confirm.openSettings')}
            </button>
          </div>
        ) : null}
      </div>
    </li>
  );
}

export function ConfirmationList({
  client,
  guide,
  confirmations,
}: {
  client: Client;
  guide: Guide;
  confirmations: readonly ConfirmationDef[];
}) {
  const { t } = useTranslation();
  if (confirmations.length === 0) return null;
  return (
    <StepSection title={t('app:step.confirmations')}>
      <ul className="confirmation-list">
        {confirmations.map((def) => (
          <ConfirmationItem key={def.id} client={client} guide={guide} def={def} />
        ))}
      </ul>
    </StepSection>
  );
}
