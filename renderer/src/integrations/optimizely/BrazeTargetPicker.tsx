import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BrazeTargetList } from '../../../../shared/integrations/optimizely/contract.ts';
import { call } from '../../api/index.ts';
import { attempt } from '../../stores/toast-store.ts';
import { useOdpPlan } from './plan-store.ts';

/** Picks the campaign or Canvas from Braze's lists when the key may list them; else the id is typed. */
export function BrazeTargetPicker({ kind }: { kind: 'campaign' | 'canvas' }) {
  const { t } = useTranslation();
  const selectId = useId();
  const clientId = useOdpPlan((s) => s.clientId);
  const edit = useOdpPlan((s) => s.edit);
  const [list, setList] = useState<BrazeTargetList | null>(null);
  const [loading, setLoading] = useState(false);
  if (!clientId) return null;
  const load = async () => {
    setLoading(true);
    try {
      const request = { clientId, kind: kind === 'campaign' ? 'campaigns' : 'canvases' } as const;
      setList((await attempt(() => call('odp:brazeTargets', request))) ?? null);
    } finally {
      setLoading(false);
    }
  };
  return (
    <div className="field">
      <button type="button" className="button" disabled={loading} onClick={() => void load()}>
        {t(`odp:ui.activation.pick.${kind}`)}
      </button>
      {list && list.status !== 'ok' ? (
        <p className="field-help">{t(`odp:ui.activation.pick.${list.status}`)}</p>
      ) : null}
      {list?.status === 'ok' ? (
        <>
          {list.truncated ? (
            <p className="field-help">
              {t('odp:ui.activation.pick.truncated', { count: list.items.length })}
            </p>
          ) : null}
          <label htmlFor={selectId}>{t(`odp:ui.activation.pick.${kind}`)}</label>
          <select
            id={selectId}
            className="input"
            defaultValue=""
            onChange={(e) => {
              const item = list.items.find((i) => i.id === e.target.value);
              if (!item) return;
              edit((d) => {
                if (d.activation && d.activation.addUsersTo.kind === kind) {
                  d.activation.addUsersTo = { kind, id: item.id, name: item.name };
                }
              });
            }}
          >
            <option value="">{t('odp:ui.choose')}</option>
            {list.items.map((i) => (
              <option key={i.id} value={i.id}>
                {i.name || i.id}
              </option>
            ))}
          </select>
        </>
      ) : null}
    </div>
  );
}
