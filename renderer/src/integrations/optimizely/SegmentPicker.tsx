import { useDeferredValue, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { readArtifact } from '../../../../shared/integrations/artifacts.ts';
import { brazeSegmentsArtifact } from '../../../../shared/integrations/braze/segments-artifact.ts';
import type { Client } from '../../../../shared/types/client.ts';
import { useOdpPlan } from './plan-store.ts';
import { buildSegmentIndex, filterSegments } from './segment-filter.ts';

/** Rows drawn at once; the rest are reached by typing (the count says how many match). */
const maxRows = 100;

function brazeSegments(client: Client) {
  return readArtifact(client.artifacts, brazeSegmentsArtifact)?.segments ?? [];
}

/** "Segments to Sync": search the client's Braze segments, tick some, or import everyone. */
export function SegmentPicker({ client }: { client: Client }) {
  const { t } = useTranslation();
  const searchId = useId();
  const plan = useOdpPlan((s) => s.plan);
  const edit = useOdpPlan((s) => s.edit);
  const [query, setQuery] = useState('');
  const deferred = useDeferredValue(query);
  const segments = useMemo(() => brazeSegments(client), [client]);
  const index = useMemo(() => buildSegmentIndex(segments), [segments]);
  const result = useMemo(() => filterSegments(index, deferred, maxRows), [index, deferred]);
  if (!plan) return null;
  const chosen = new Set(plan.segments.segments.map((s) => s.id));

  const toggle = (id: string, name: string, on: boolean) =>
    edit((d) => {
      d.segments.segments = on
        ? [...d.segments.segments, { id, name }]
        : d.segments.segments.filter((s) => s.id !== id);
    });

  return (
    <div className="odp-segment-picker">
      <label className="check-label">
        <input
          type="checkbox"
          checked={plan.segments.importAll}
          onChange={(e) => {
            const on = e.target.checked;
            edit((d) => {
              d.segments.importAll = on;
            });
          }}
        />
        {t('odp:ui.segments.importAll')}
      </label>
      {segments.length === 0 ? (
        <p className="field-help">{t('odp:ui.segments.noneFetched')}</p>
      ) : (
        <fieldset className="fieldset" disabled={plan.segments.importAll}>
          <legend>{t('odp:ui.segments.legend')}</legend>
          <label htmlFor={searchId}>{t('odp:ui.segments.search')}</label>
          <input
            id={searchId}
            className="input"
            type="search"
            value={query}
            autoComplete="off"
            onChange={(e) => setQuery(e.target.value)}
            aria-controls={`${searchId}-list`}
          />
          <p className="field-help" role="status" data-testid="segment-count">
            {t('odp:ui.segments.count', {
              shown: result.shown.length,
              total: result.total,
              chosen: chosen.size,
            })}
          </p>
          <ul id={`${searchId}-list`} className="odp-segment-list" data-testid="segment-list">
            {result.shown.map((s) => (
              <li key={s.id}>
                <label className="check-label">
                  <input
                    type="checkbox"
                    checked={chosen.has(s.id)}
                    onChange={(e) => toggle(s.id, s.name, e.target.checked)}
                  />
                  {s.name || s.id}
                </label>
              </li>
            ))}
          </ul>
        </fieldset>
      )}
    </div>
  );
}
