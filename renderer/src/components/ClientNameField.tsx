import { useId } from 'react';
import { useTranslation } from 'react-i18next';

interface ClientNameFieldProps {
  value: string;
  onChange: (name: string) => void;
  describedBy: string;
}

/** The labelled client-name input shared by the create, rename and duplicate dialogs. */
export function ClientNameField({ value, onChange, describedBy }: ClientNameFieldProps) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{t('app:forms.clientName')}</label>
      <input
        id={id}
        className="input"
        value={value}
        maxLength={120}
        autoComplete="off"
        aria-describedby={describedBy}
        onChange={(event) => onChange(event.target.value)}
      />
    </div>
  );
}
