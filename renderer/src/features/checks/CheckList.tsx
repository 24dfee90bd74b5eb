import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Client } from '../../../../shared/types/client.ts';
import { useAppStore } from '../../stores/app-store.ts';
import { useCatalogStore } from '../../stores/catalog-store.ts';
import { CheckRow } from './CheckRow.tsx';
import { LiveCheckState } from './LiveCheckState.tsx';
import { RunChecks } from './RunChecks.tsx';

interface CheckListProps {
  client: Client;
  checkIds: readonly string[];
}

/** The automated checks that verify one step, each with its last stored result. */
export function CheckList({ client, checkIds }: CheckListProps) {
  const { t } = useTranslation();
  const headingId = useId();
  const available = useCatalogStore((s) => s.available);
  const staleAfterHours = useAppStore((s) => s.settings.staleAfterHours);
  if (checkIds.length === 0) return null;
  return (
    <div className="step-section" role="group" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('app:step.checks')}</h3>
      <ul className="check-list" aria-live="polite">
        {checkIds.map((id) => (
          <CheckRow
            key={id}
            checkId={id}
            result={client.checkResults[id]}
            available={available.has(id)}
            staleAfterHours={staleAfterHours}
          >
            <LiveCheckState clientId={client.id} checkId={id} />
          </CheckRow>
        ))}
      </ul>
      <RunChecks client={client} checkIds={checkIds.filter((id) => available.has(id))} />
    </div>
  );
}
