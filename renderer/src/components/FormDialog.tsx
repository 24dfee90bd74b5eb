import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../stores/toast-store.ts';
import { Dialog } from './Dialog.tsx';
import { FormError } from './FormError.tsx';

interface FormDialogProps {
  title: string;
  onClose: () => void;
  /** Returns the message to show instead of saving, or null when the fields are fine. */
  validate?: () => string | null;
  /** Saves and closes; a failure shows as the form's error and lets the CSM try again. */
  save: () => Promise<void>;
  submitLabel: string;
  /** Defaults to "Cancel". */
  cancelLabel?: string;
  /** Renders the fields; `errorId` is the form error's id, for fields' aria-describedby. */
  children: (errorId: string) => ReactNode;
}

/** A dialog holding one form: fields, an announced error line, and a Cancel/Submit footer. */
export function FormDialog({
  title,
  onClose,
  validate,
  save,
  submitLabel,
  cancelLabel,
  children,
}: FormDialogProps) {
  const { t } = useTranslation();
  const errorId = useId();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const invalid = validate?.() ?? null;
    if (invalid) return setError(invalid);
    setBusy(true);
    try {
      await save();
    } catch (failure) {
      setError(errorText(failure));
      setBusy(false);
    }
  };

  return (
    <Dialog title={title} onClose={onClose}>
      <form className="form" onSubmit={(event) => void submit(event)} noValidate>
        {children(errorId)}
        <FormError id={errorId} message={error} />
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onClose}>
            {cancelLabel ?? t('app:common.cancel')}
          </button>
          <button type="submit" className="button button-primary" disabled={busy}>
            {submitLabel}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
