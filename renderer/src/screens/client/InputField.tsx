import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChoiceInput, Guide, PlainInput } from '../../../../shared/guides/index.ts';
import type { Client } from '../../../../shared/types/client.ts';
import { useClientStore } from '../../stores/client-store.ts';
import { errorText } from '../../stores/toast-store.ts';
import { draftKey, useUiStore } from '../../stores/ui-store.ts';
import { RichText } from '../../components/RichText.tsx';
import { guideKey } from './guide-steps.ts';
import { validateInput } from './validate-input.ts';

interface InputFieldProps {
  client: Client;
  guide: Guide;
  def: PlainInput | ChoiceInput;
}

type Status = { kind: 'saved' } | { kind: 'error'; text: string } | null;

const htmlType = { text: 'text', url: 'url', email: 'email' } as const;

/**
 * A non-secret guide input. A valid value is saved when the field is left (or a choice made); an
 * invalid one stays on screen as a draft, with the reason, and is not saved.
 */
export function InputField({ client, guide, def }: InputFieldProps) {
  const { t } = useTranslation();
  const fieldId = useId();
  const helpId = useId();
  const statusId = useId();
  const key = draftKey(client.id, def.id);
  const draft = useUiStore((s) => s.drafts[key]);
  const setDraft = useUiStore((s) => s.setDraft);
  const stored = client.inputs[def.id];
  const [value, setValue] = useState(draft ?? stored ?? def.default ?? '');
  const clean = (raw: string) => (def.kind === 'multiline' ? raw : raw.trim());
  const refusal = (raw: string): Status => {
    const invalid = validateInput(def, clean(raw));
    if (!invalid) return null;
    const reason = t(
      invalid.fromGuide ? guideKey(guide, invalid.key) : invalid.key,
      invalid.params,
    );
    return { kind: 'error', text: t('app:input.notSaved', { reason }) };
  };
  const [status, setStatus] = useState<Status>(() => (draft === undefined ? null : refusal(draft)));

  const label = t(guideKey(guide, def.labelKey));
  const commit = async (next: string) => {
    const cleaned = clean(next);
    const refused = refusal(next);
    if (refused) {
      setDraft(key, next);
      setStatus(refused);
      return;
    }
    setDraft(key, null);
    if (cleaned === stored) return setStatus(status?.kind === 'error' ? null : status);
    try {
      await useClientStore.getState().setInput(def.id, cleaned);
      // What is stored can differ from what was typed: a secret is taken out of pasted snippets.
      const saved = useClientStore.getState().client?.inputs[def.id];
      if (saved !== undefined && saved !== cleaned) setValue(saved);
      setStatus({ kind: 'saved' });
    } catch (failure) {
      setDraft(key, next);
      setStatus({ kind: 'error', text: errorText(failure) });
    }
  };

  const invalid = status?.kind === 'error';
  const common = {
    id: fieldId,
    name: def.id,
    'aria-describedby': `${def.helpKey ? helpId : ''} ${statusId}`.trim(),
    'aria-invalid': invalid || undefined,
    'aria-required': def.required || undefined,
    'data-input-id': def.id,
  };

  return (
    <div className="field">
      <label htmlFor={fieldId}>
        {label}
        {def.required ? null : <span className="optional"> {t('app:input.optional')}</span>}
      </label>
      {def.helpKey ? (
        <p id={helpId} className="field-help">
          <RichText text={t(guideKey(guide, def.helpKey))} />
        </p>
      ) : null}
      {def.kind === 'choice' ? (
        <select
          {...common}
          className="input"
          value={value}
          onChange={(event) => {
            setValue(event.target.value);
            void commit(event.target.value);
          }}
        >
          {value === '' ? <option value="">{t('app:input.choose')}</option> : null}
          {def.options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.labelKey
                ? t(guideKey(guide, option.labelKey))
                : (option.label ?? option.value)}
            </option>
          ))}
        </select>
      ) : def.kind === 'multiline' ? (
        <textarea
          {...common}
          className="input input-code"
          rows={8}
          spellCheck={false}
          value={value}
          placeholder={def.placeholder}
          maxLength={def.maxLength}
          onChange={(event) => setValue(event.target.value)}
          onBlur={() => void commit(value)}
        />
      ) : (
        <input
          {...common}
          className="input"
          type={htmlType[def.kind]}
          autoComplete="off"
          spellCheck={false}
          value={value}
          placeholder={def.placeholder}
          onChange={(event) => setValue(event.target.value)}
          onBlur={() => void commit(value)}
        />
      )}
      <p id={statusId} className={invalid ? 'field-error' : 'field-status'} aria-live="polite">
        {status?.kind === 'saved' ? t('app:input.saved') : invalid ? status.text : ''}
      </p>
    </div>
  );
}
