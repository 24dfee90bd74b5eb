import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { languages, type Language } from '../../../../shared/types/ids.ts';
import { Dialog } from '../../components/Dialog.tsx';
import { FormError } from '../../components/FormError.tsx';
import { useAppStore } from '../../stores/app-store.ts';
import { attempt, errorText, useToastStore } from '../../stores/toast-store.ts';
import { useUiStore } from '../../stores/ui-store.ts';

const maxStaleHours = 24 * 90;

export function SettingsDialog() {
  const { t } = useTranslation();
  const settings = useAppStore((s) => s.settings);
  const reason = useUiStore((s) => s.settingsReason);
  const close = useUiStore((s) => s.closeSettings);
  const ids = {
    name: useId(),
    nameHelp: useId(),
    language: useId(),
    stale: useId(),
    staleHelp: useId(),
    error: useId(),
  };
  const [csmName, setCsmName] = useState(settings.csmName);
  const [stale, setStale] = useState(String(settings.staleAfterHours));
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  // The language applies (and persists) at once, so the CSM sees the dialog switch.
  const changeLanguage = (language: Language) =>
    void attempt(() => useAppStore.getState().updateSettings({ language }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const hours = Number(stale);
    if (!Number.isInteger(hours) || hours < 1 || hours > maxStaleHours) {
      return setError(t('app:settings.staleInvalid', { max: maxStaleHours }));
    }
    setBusy(true);
    try {
      await useAppStore
        .getState()
        .updateSettings({ csmName: csmName.trim(), staleAfterHours: hours });
      useToastStore.getState().push('info', t('app:settings.saved'));
      close();
    } catch (failure) {
      setError(errorText(failure));
      setBusy(false);
    }
  };

  return (
    <Dialog title={t('app:settings.title')} onClose={close}>
      <form className="form" onSubmit={(event) => void submit(event)} noValidate>
        {reason === 'needName' ? (
          <p className="callout callout-info">{t('app:settings.needName')}</p>
        ) : null}
        <div className="field">
          <label htmlFor={ids.name}>{t('app:settings.csmName')}</label>
          <p id={ids.nameHelp} className="field-help">
            {t('app:settings.csmNameHelp')}
          </p>
          <input
            id={ids.name}
            className="input"
            value={csmName}
            maxLength={120}
            autoComplete="name"
            aria-describedby={ids.nameHelp}
            autoFocus={reason === 'needName'}
            onChange={(event) => setCsmName(event.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor={ids.language}>{t('app:settings.language')}</label>
          <select
            id={ids.language}
            className="input"
            value={settings.language}
            onChange={(event) => changeLanguage(event.target.value as Language)}
          >
            {languages.map((language) => (
              <option key={language} value={language} lang={language}>
                {t(`app:languages.${language}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={ids.stale}>{t('app:settings.staleAfter')}</label>
          <p id={ids.staleHelp} className="field-help">
            {t('app:settings.staleHelp')}
          </p>
          <input
            id={ids.stale}
            className="input input-narrow"
            type="number"
            inputMode="numeric"
            min={1}
            max={maxStaleHours}
            value={stale}
            aria-describedby={`${ids.staleHelp} ${ids.error}`}
            onChange={(event) => setStale(event.target.value)}
          />
        </div>
        <FormError id={ids.error} message={error} />
        <div className="dialog-actions">
          <button type="button" className="button" onClick={close}>
            {t('app:common.close')}
          </button>
          <button type="submit" className="button button-primary" disabled={busy}>
            {t('app:common.save')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
