import { useTranslation } from 'react-i18next';
import type { Client } from '../../../../shared/types/client.ts';
import { StepSection } from '../../screens/client/StepSection.tsx';
import { findingParams, previewOf } from './snippet-preview-data.ts';

/** The pasted snippets as the check read them, the token replaced by •••, with what it found. */
export function SnippetPreview({ client }: { client: Client }) {
  const { t } = useTranslation();
  const preview = previewOf(client);
  const title = t('checks-jacquard:ui.preview.title');
  if (!preview) {
    return (
      <StepSection title={title}>
        <p>{t('checks-jacquard:ui.preview.empty')}</p>
      </StepSection>
    );
  }
  return (
    <StepSection title={title}>
      <pre className="snippet-preview" tabIndex={0}>
        {preview.text}
      </pre>
      {preview.findings.length > 0 && (
        <>
          <h4>{t('checks-jacquard:ui.preview.findings')}</h4>
          <ul>
            {preview.findings.map((f, i) => (
              <li key={i} className={`finding-${f.severity}`}>
                {t(f.messageKey, findingParams(f))}
              </li>
            ))}
          </ul>
        </>
      )}
    </StepSection>
  );
}
