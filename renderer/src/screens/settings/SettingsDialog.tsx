import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { languages, type Language } from '../../../../shared/types/ids.ts';
import { FormDialog } from '../../components/FormDialog.tsx';
import { useAppStore } from '../../stores/app-store.ts';
import { attempt, useToastStore } from '../../stores/toast-store.ts';
import { useUiStore } from '../../stores/ui-store.ts';

const maxStaleHours = 24 * 90;

function isStaleHours(value: string): boolean {
  const hours = Number(value);
  return Number.isInteger(hours) && hours >= 1 && hours <= maxStaleHours;
}

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
  };
  const [csmName, setCsmName] = useState(settings.csmName);
  const [stale, setStale] = useState(String(settings.staleAfterHours));

  // The language applies (and persists) at once, so the CSM sees the dialog switch.
  const changeLanguage = (language: Language) =>
    void attempt(() => useAppStore.getState().updateSettings({ language }));

  const save = async () => {
    await useAppStore
      .getState()
      .updateSettings({ csmName: csmName.trim(), staleAfterHours: Number(stale) });
    useToastStore.getState().push('info', t('app:settings.saved'));
    close();
  };

  return (
    <FormDialog
      title={t('app:settings.title')}
      onClose={close}
      validate={() =>
        isStaleHours(stale) ? null : t('app:settings.staleInvalid', { max: maxStaleHours })
      }
      save={save}
      submitLabel={t('app:common.save')}
      cancelLabel={t('app:common.close')}
    >
      {(errorId) => (
        <>
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
              aria-describedby={`${ids.staleHelp} ${errorId}`}
              onChange={(event) => setStale(event.target.value)}
            />
          </div>
        </>
      )}
    </FormDialog>
  );
}
