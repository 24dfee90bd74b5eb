import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CopyValue, Guide } from '../../../../shared/guides/index.ts';
import { inputById } from '../../../../shared/guides/index.ts';
import type { Client } from '../../../../shared/types/client.ts';
import { copyText } from '../../components/clipboard.ts';
import { guideKey } from './guide-steps.ts';
import { StepSection } from './StepSection.tsx';

interface CopyValuesProps {
  client: Client;
  guide: Guide;
  values: readonly CopyValue[];
}

/** The text to copy: a literal, or what the client's input holds (else its fallback). */
const resolve = (client: Client, value: CopyValue['value']): string => {
  if ('literal' in value) return value.literal;
  return client.inputs[value.fromInput] || value.fallback || '';
};

function CopyRow({ client, guide, value }: { client: Client; guide: Guide; value: CopyValue }) {
  const { t } = useTranslation();
  const [status, setStatus] = useState<'copied' | 'failed' | null>(null);
  const text = resolve(client, value.value);
  const label = t(guideKey(guide, value.labelKey));
  const source = 'fromInput' in value.value ? inputById(value.value.fromInput) : undefined;

  const copy = async () => {
    setStatus((await copyText(text)) ? 'copied' : 'failed');
  };

  return (
    <div className="copy-row" data-copy-id={value.id}>
      <dt className="copy-label">{label}</dt>
      <dd className="copy-body">
        {text ? (
          <code className="copy-value">{text}</code>
        ) : (
          <span className="muted">
            {t('app:copy.missing', {
              input: source ? t(guideKey(guide, source.labelKey)) : value.id,
            })}
          </span>
        )}
        <button
          type="button"
          className="button button-small"
          disabled={!text}
          aria-label={t('app:copy.buttonLabel', { label })}
          onClick={() => void copy()}
        >
          {t('app:copy.button')}
        </button>
        <span className="copy-status" aria-live="polite">
          {status ? t(`app:copy.${status}`) : ''}
        </span>
      </dd>
    </div>
  );
}

export function CopyValues({ client, guide, values }: CopyValuesProps) {
  const { t } = useTranslation();
  if (values.length === 0) return null;
  return (
    <StepSection title={t('app:step.copyValues')}>
      <dl className="copy-list">
        {values.map((value) => (
          <CopyRow key={value.id} client={client} guide={guide} value={value} />
        ))}
      </dl>
    </StepSection>
  );
}
