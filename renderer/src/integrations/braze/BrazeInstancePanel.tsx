import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { summarizeFindInstance } from '../../../../shared/integrations/braze/find-instance-summary.ts';
import { customInstanceId } from '../../../../shared/integrations/braze/instances.ts';
import {
  resolveBrazeEndpoint,
  type EndpointResolution,
} from '../../../../shared/integrations/braze/resolve-endpoint.ts';
import type { InstanceAttemptSchema } from '../../../../shared/integrations/braze/contract.ts';
import { call } from '../../api/index.ts';
import { useAppStore } from '../../stores/app-store.ts';
import { useClientStore } from '../../stores/client-store.ts';
import { attempt } from '../../stores/toast-store.ts';
import type { StepPanelProps } from '../types.ts';
import './braze.css';

type InstanceAttempt = z.infer<typeof InstanceAttemptSchema>;

const errorKeys: Record<Exclude<EndpointResolution, { ok: true }>['reason'], string> = {
  empty: 'empty',
  invalid: 'invalid',
  insecure: 'insecure',
  'unknown-braze-host': 'unknownBrazeHost',
  'dashboard-only': 'dashboardOnly',
};

/**
 * Beside the Braze inputs: paste a dashboard URL or REST endpoint and use the instance it names;
 * or, when the key is refused, "Find my instance" tries the key on the other instances.
 */
export function BrazeInstancePanel({ client }: StepPanelProps) {
  const { t } = useTranslation();
  const pasteId = useId();
  const [pasted, setPasted] = useState('');
  const [resolution, setResolution] = useState<EndpointResolution | null>(null);
  const [searching, setSearching] = useState(false);
  const [attempts, setAttempts] = useState<InstanceAttempt[] | null>(null);
  const setInput = useClientStore((s) => s.setInput);
  // The same rule the checks will apply: a pasted http://127.0.0.1 endpoint only when allowed.
  const allowInsecureLoopback = useAppStore((s) => s.info?.allowInsecureLoopback ?? false);

  const use = async (instance: string, restEndpoint: string) => {
    await setInput('braze.instance', instance);
    if (instance === customInstanceId) await setInput('braze.restEndpoint', restEndpoint);
  };
  const find = async () => {
    setSearching(true);
    setAttempts(null);
    try {
      setAttempts((await call('braze:findInstance', { clientId: client.id })).attempts);
    } finally {
      setSearching(false);
    }
  };
  const accepted = attempts?.filter((a) => a.verdict === 'accepted') ?? [];
  const summary = attempts ? summarizeFindInstance(attempts) : null;

  return (
    <section
      className="step-section braze-instance-panel"
      aria-label={t('checks-braze:instance.label')}
    >
      <div className="field">
        <label htmlFor={pasteId}>{t('checks-braze:instance.pasteLabel')}</label>
        <div className="field-row">
          <input
            id={pasteId}
            className="input"
            type="url"
            value={pasted}
            placeholder={t('checks-braze:instance.pastePlaceholder')}
            onChange={(e) => {
              setPasted(e.target.value);
              setResolution(null);
            }}
          />
          <button
            type="button"
            className="button"
            onClick={() => setResolution(resolveBrazeEndpoint(pasted, { allowInsecureLoopback }))}
          >
            {t('checks-braze:instance.resolve')}
          </button>
        </div>
        {resolution ? (
          <p className={resolution.ok ? 'field-status' : 'field-error'} role="status">
            {resolution.ok
              ? resolution.instance === customInstanceId
                ? t('checks-braze:instance.resolvedCustom', { endpoint: resolution.restEndpoint })
                : t('checks-braze:instance.resolved', {
                    instance: resolution.instance,
                    endpoint: resolution.restEndpoint,
                  })
              : t(`checks-braze:instance.error.${errorKeys[resolution.reason]}`)}{' '}
            {resolution.ok ? (
              <button
                type="button"
                className="button"
                onClick={() =>
                  void attempt(() => use(resolution.instance, resolution.restEndpoint))
                }
              >
                {t('checks-braze:find.use', { instance: resolution.instance })}
              </button>
            ) : null}
          </p>
        ) : null}
      </div>
      <div className="field">
        <p className="field-help">{t('checks-braze:find.explain')}</p>
        <div className="button-row">
          <button
            type="button"
            className="button"
            disabled={searching}
            onClick={() => void attempt(find)}
          >
            {searching ? t('checks-braze:find.running') : t('checks-braze:find.button')}
          </button>
        </div>
        {summary ? (
          <div role="status">
            <p>{t(summary.messageKey, summary.params)}</p>
            {accepted.map((a) => (
              <button
                key={a.instance}
                type="button"
                className="button"
                onClick={() => void attempt(() => use(a.instance, a.restEndpoint))}
              >
                {t('checks-braze:find.use', { instance: a.instance })}
              </button>
            ))}
          </div>
        ) : null}
      </div>
    </section>
  );
}
