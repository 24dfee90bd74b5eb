import { useTranslation } from 'react-i18next';
import type { Client } from '../../../../shared/types/client.ts';
import { clientVerdict, integrationVerdict } from '../../../../shared/verdict/client-verdict.ts';
import { useStandingOptions } from './use-verdict.ts';
import { VerdictBadge } from './VerdictBadge.tsx';

/** The client's bottom line, then each integration's, as the header shows them. */
export function ClientVerdicts({ client }: { client: Client }) {
  const { t } = useTranslation();
  const standing = useStandingOptions();
  return (
    <ul className="client-verdicts" aria-label={t('app:client.verdicts')}>
      <li data-verdict-of="client">
        <VerdictBadge
          verdict={clientVerdict(client, standing)}
          label={t('app:client.clientVerdict')}
        />
      </li>
      {client.integrations.length > 1
        ? client.integrations.map((id) => (
            <li key={id} data-verdict-of={id}>
              <VerdictBadge
                verdict={integrationVerdict(client, id, standing)}
                label={t(`app:integrations.${id}`)}
              />
            </li>
          ))
        : null}
    </ul>
  );
}
