import { useTranslation } from 'react-i18next';
import { integrationIds, type IntegrationId } from '../../../shared/integrations/lists.ts';

interface IntegrationChoiceProps {
  value: readonly IntegrationId[];
  onChange: (value: IntegrationId[]) => void;
  describedBy?: string;
}

/** The integrations a client may use, as checkboxes; callers enforce "at least one". */
export function IntegrationChoice({ value, onChange, describedBy }: IntegrationChoiceProps) {
  const { t } = useTranslation();
  return (
    <fieldset className="fieldset" aria-describedby={describedBy}>
      <legend>{t('app:integrations.legend')}</legend>
      {integrationIds.map((id) => (
        <label key={id} className="check-label">
          <input
            type="checkbox"
            name="integrations"
            value={id}
            checked={value.includes(id)}
            onChange={(event) =>
              onChange(
                event.target.checked
                  ? integrationIds.filter((x) => x === id || value.includes(x))
                  : value.filter((x) => x !== id),
              )
            }
          />
          <span>
            <span className="check-title">{t(`app:integrations.${id}`)}</span>
            <span className="check-help">{t(`app:integrations.help.${id}`)}</span>
          </span>
        </label>
      ))}
    </fieldset>
  );
}
