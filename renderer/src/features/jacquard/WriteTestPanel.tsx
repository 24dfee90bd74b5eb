import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Client } from '../../../../shared/types/client.ts';
import { call } from '../../api/index.ts';
import { StepSection } from '../../screens/client/StepSection.tsx';

/**
 * The CSM's consent to the one S3 check that writes: ticking it runs `s3.permissions` with the
 * `s3.write` opt-in (a marker file is written, read back and deleted under the client's folder).
 */
export function WriteTestPanel({ client }: { client: Client }) {
  const { t } = useTranslation();
  const helpId = useId();
  const [consent, setConsent] = useState(false);
  const [busy, setBusy] = useState(false);
  const run = async () => {
    setBusy(true);
    try {
      await call('checks:run', {
        clientId: client.id,
        checkIds: ['s3.permissions'],
        optIns: ['s3.write'],
      });
    } finally {
      setBusy(false);
    }
  };
  return (
    <StepSection title={t('checks-jacquard:ui.writeTest.label')}>
      <label>
        <input
          type="checkbox"
          checked={consent}
          aria-describedby={helpId}
          onChange={(e) => setConsent(e.target.checked)}
        />{' '}
        {t('checks-jacquard:ui.writeTest.label')}
      </label>
      <p id={helpId} className="help">
        {t('checks-jacquard:ui.writeTest.help')}
      </p>
      <button type="button" disabled={!consent || busy} onClick={() => void run()}>
        {t('checks-jacquard:ui.writeTest.run')}
      </button>
    </StepSection>
  );
}
