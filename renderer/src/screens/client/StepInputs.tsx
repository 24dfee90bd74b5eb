import { useTranslation } from 'react-i18next';
import type { Guide, InputDef } from '../../../../shared/guides/index.ts';
import type { Client } from '../../../../shared/types/client.ts';
import { InputField } from './InputField.tsx';
import { SecretField } from './SecretField.tsx';
import { StepSection } from './StepSection.tsx';

interface StepInputsProps {
  client: Client;
  guide: Guide;
  inputs: readonly InputDef[];
}

export function StepInputs({ client, guide, inputs }: StepInputsProps) {
  const { t } = useTranslation();
  if (inputs.length === 0) return null;
  return (
    <StepSection title={t('app:step.inputs')}>
      <div className="input-list">
        {inputs.map((def) =>
          def.kind === 'secret' ? (
            <SecretField key={def.id} client={client} guide={guide} def={def} />
          ) : (
            <InputField key={def.id} client={client} guide={guide} def={def} />
          ),
        )}
      </div>
    </StepSection>
  );
}
