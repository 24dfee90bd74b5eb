import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { exportFormats } from '../../../../shared/contract/reports.ts';
import { languages, type Language } from '../../../../shared/types/ids.ts';
import { call } from '../../api/index.ts';
import { useAppStore } from '../../stores/app-store.ts';
import { attempt, useToastStore } from '../../stores/toast-store.ts';
import { downloadFile } from './download.ts';

/** Export buttons (bundle and reports) with the report's language; works offline. */
export function ExportPanel({ clientId }: { clientId: string }) {
  const { t } = useTranslation();
  const headingId = useId();
  const uiLanguage = useAppStore((s) => s.settings.language);
  const [language, setLanguage] = useState<Language>(uiLanguage);
  const [busy, setBusy] = useState<string | null>(null);
  const run = async (format: (typeof exportFormats)[number]) => {
    setBusy(format);
    await attempt(async () => {
      const file = await call('reports:export', { clientId, format, language });
      downloadFile(file);
      useToastStore.getState().push('info', t('dashboard:export.done', { file: file.fileName }));
    });
    setBusy(null);
  };
  return (
    <section className="export-panel" aria-labelledby={headingId}>
      <h2 id={headingId} className="export-title">
        {t('dashboard:export.title')}
      </h2>
      <label className="export-language">
        {t('dashboard:export.language')}{' '}
        <select value={language} onChange={(e) => setLanguage(e.target.value as Language)}>
          {languages.map((l) => (
            <option key={l} value={l}>
              {t(`app:languages.${l}`)}
            </option>
          ))}
        </select>
      </label>
      <div className="export-buttons">
        {exportFormats.map((format) => (
          <button
            key={format}
            type="button"
            className="button button-small"
            data-export={format}
            disabled={busy !== null}
            onClick={() => void run(format)}
          >
            {busy === format
              ? t('dashboard:export.busy', { format: format.toUpperCase() })
              : t(`dashboard:export.${format}`)}
          </button>
        ))}
      </div>
    </section>
  );
}
