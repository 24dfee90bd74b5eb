import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Guide, SecretInput } from '../../../../shared/guides/index.ts';
import type { Client } from '../../../../shared/types/client.ts';
import { Dialog } from '../../components/Dialog.tsx';
import { useFormatDate } from '../../components/format.ts';
import { useSecretsStore } from '../../stores/secrets-store.ts';
import { errorText } from '../../stores/toast-store.ts';
import { RichText } from '../../components/RichText.tsx';
import { guideKey } from './guide-steps.ts';

interface SecretFieldProps {
  client: Client;
  guide: Guide;
  def: SecretInput;
}

/**
 * A secret goes from this uncontrolled field straight to the keychain. It is read from the DOM at
 * the moment of saving, never put in React state or a store, and the field is cleared once saved:
 * afterwards the UI knows only "set", the last four characters and the date.
 */
export function SecretField({ client, guide, def }: SecretFieldProps) {
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  const fieldId = useId();
  const helpId = useId();
  const statusId = useId();
  const fieldRef = useRef<HTMLInputElement>(null);
  const status = useSecretsStore((s) => s.statuses[def.secret]);
  const [replacing, setReplacing] = useState(false);
  const [confirmingDelete, setConfirmingDelete] = useState(false);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);
  const label = t(guideKey(guide, def.labelKey));
  const isSet = status?.state === 'set';

  const save = async (event: FormEvent) => {
    event.preventDefault();
    const field = fieldRef.current;
    if (!field) return;
    const length = field.value.trim().length;
    if (length === 0) return setMessage({ error: true, text: t('app:input.required') });
    if (def.minLength !== undefined && length < def.minLength) {
      return setMessage({ error: true, text: t('app:secret.tooShort', { min: def.minLength }) });
    }
    setBusy(true);
    try {
      await useSecretsStore.getState().save(client.id, def.secret, field.value.trim());
      field.value = '';
      setReplacing(false);
      setMessage({ error: false, text: t('app:secret.saved') });
    } catch (failure) {
      setMessage({ error: true, text: errorText(failure) });
    } finally {
      setBusy(false);
    }
  };

  const remove = async () => {
    setConfirmingDelete(false);
    setBusy(true);
    try {
      await useSecretsStore.getState().remove(client.id, def.secret);
      setMessage({ error: false, text: t('app:secret.deleted') });
    } catch (failure) {
      setMessage({ error: true, text: errorText(failure) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="field secret-field" data-secret={def.secret}>
      {isSet && !replacing ? (
        <>
          <p className="field-label">{label}</p>
          <p className="secret-state">
            <span className="badge badge-pass">{t('app:secret.set')}</span>
            <span className="secret-line">
              {status.tail ? <span className="secret-tail">••••{status.tail}</span> : null}
              {status.setAt ? (
                <span>{t('app:secret.setOn', { date: formatDate(status.setAt) })}</span>
              ) : null}
            </span>
          </p>
          <div className="button-row">
            <button
              type="button"
              className="button button-small"
              aria-label={t('app:secret.replaceLabel', { label })}
              onClick={() => {
                setMessage(null);
                setReplacing(true);
              }}
            >
              {t('app:secret.replace')}
            </button>
            <button
              type="button"
              className="button button-small button-danger-quiet"
              aria-label={t('app:secret.deleteLabel', { label })}
              disabled={busy}
              onClick={() => setConfirmingDelete(true)}
            >
              {t('app:secret.delete')}
            </button>
          </div>
        </>
      ) : (
        <form className="secret-form" onSubmit={(event) => void save(event)} noValidate>
          <label htmlFor={fieldId}>{label}</label>
          {def.helpKey ? (
            <p id={helpId} className="field-help">
              <RichText text={t(guideKey(guide, def.helpKey))} />
            </p>
          ) : null}
          {status?.state === 'unavailable' ? (
            <p className="callout callout-warning">{t('app:secret.unavailable')}</p>
          ) : null}
          <div className="secret-entry">
            <input
              ref={fieldRef}
              id={fieldId}
              className="input"
              type="password"
              autoComplete="off"
              spellCheck={false}
              aria-describedby={`${def.helpKey ? helpId : ''} ${statusId}`.trim()}
              data-secret-input={def.secret}
            />
            <button type="submit" className="button button-primary" disabled={busy}>
              {t('app:secret.save')}
            </button>
            {replacing ? (
              <button type="button" className="button" onClick={() => setReplacing(false)}>
                {t('app:common.cancel')}
              </button>
            ) : null}
          </div>
          {!isSet ? <p className="field-help">{t('app:secret.notSet')}</p> : null}
        </form>
      )}
      <p
        id={statusId}
        className={message?.error ? 'field-error' : 'field-status'}
        aria-live="polite"
      >
        {message?.text ?? ''}
      </p>
      {confirmingDelete ? (
        <Dialog
          title={t('app:secret.deleteTitle', { label })}
          onClose={() => setConfirmingDelete(false)}
        >
          <p>{t('app:secret.deleteBody')}</p>
          <div className="dialog-actions">
            <button
              type="button"
              className="button"
              autoFocus
              onClick={() => setConfirmingDelete(false)}
            >
              {t('app:common.cancel')}
            </button>
            <button type="button" className="button button-danger" onClick={() => void remove()}>
              {t('app:secret.delete')}
            </button>
          </div>
        </Dialog>
      ) : null}
    </div>
  );
}
