import { useEffect, useId, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import {
  canonicalTimeZone,
  withTimeZone,
  type Schedule,
} from '../../../../shared/integrations/optimizely/plan.ts';
import { IssueList } from './IssueList.tsx';
import { useOdpPlan } from './plan-store.ts';
import { RadioOption } from './RadioOption.tsx';
import { useSchedulePreview } from './schedule-preview.ts';
import { TextField } from './TextField.tsx';

/** Recurring daily schedule of a segment-enrolled activation, with its next three runs. */
export function SchedulePanel() {
  const { t } = useTranslation();
  const zonesId = useId();
  const zones = useMemo(() => Intl.supportedValuesOf('timeZone'), []);
  const plan = useOdpPlan((s) => s.plan);
  const view = useOdpPlan((s) => s.view);
  const edit = useOdpPlan((s) => s.edit);
  const schedule =
    plan?.activation?.enrollment.kind === 'segment' ? plan.activation.schedule : null;
  const preview = useSchedulePreview(schedule);
  // Once the CSM leaves the field, a zone in another case or an alias becomes the listed name.
  const listedZone = schedule ? canonicalTimeZone(schedule.timeZone) : null;
  // The zone the start date was planned in: typing another zone passes through names that are none.
  const plannedIn = useRef(listedZone);
  useEffect(() => {
    if (listedZone) plannedIn.current = listedZone;
  }, [listedZone]);
  if (!plan || !view) return null;
  if (!schedule) {
    return <p className="field-help">{t('odp:ui.schedule.notNeeded')}</p>;
  }
  const set = (change: (s: Schedule) => void) =>
    edit((d) => {
      if (d.activation?.schedule) change(d.activation.schedule);
    });
  const runs = preview?.runs ?? view.nextRuns;

  return (
    <div className="odp-schedule">
      <p className="field-help">{t('odp:ui.schedule.fixed')}</p>
      <TextField
        label={t('odp:ui.schedule.startDate')}
        type="date"
        value={schedule.startDate}
        onChange={(v) => set((s) => void (s.startDate = v))}
      />
      <fieldset className="fieldset">
        <legend>{t('odp:ui.schedule.end')}</legend>
        <RadioOption
          name="odp-end"
          label={t('odp:ui.schedule.never')}
          checked={schedule.end.kind === 'never'}
          onSelect={() => set((s) => void (s.end = { kind: 'never' }))}
        />
        <RadioOption
          name="odp-end"
          label={t('odp:ui.schedule.onDate')}
          checked={schedule.end.kind === 'on'}
          onSelect={() => set((s) => void (s.end = { kind: 'on', date: s.startDate }))}
        />
        {schedule.end.kind === 'on' ? (
          <TextField
            label={t('odp:ui.schedule.endDate')}
            type="date"
            value={schedule.end.date}
            onChange={(v) => set((s) => void (s.end = { kind: 'on', date: v }))}
          />
        ) : null}
      </fieldset>
      <TextField
        label={t('odp:ui.schedule.time')}
        type="time"
        value={schedule.time}
        onChange={(v) => set((s) => void (s.time = v))}
      />
      <datalist id={zonesId}>
        {zones.map((z) => (
          <option key={z} value={z} />
        ))}
      </datalist>
      <TextField
        label={t('odp:ui.schedule.timeZone')}
        value={schedule.timeZone}
        list={zonesId}
        onChange={(v) =>
          set((s) => void Object.assign(s, withTimeZone(s, v, plannedIn.current, new Date())))
        }
        onBlur={() => {
          if (listedZone && listedZone !== schedule.timeZone) {
            set((s) => void (s.timeZone = listedZone));
          }
        }}
      />
      {preview ? (
        <IssueList issues={preview.issues} />
      ) : (
        <IssueList issues={view.issues} path="activation.schedule" />
      )}
      <h4>{t('odp:ui.schedule.nextRuns')}</h4>
      <ol className="odp-next-runs" data-testid="next-runs">
        {runs.map((r) => (
          <li key={r.at}>
            {r.local} (UTC{r.offset}){r.adjusted ? ` — ${t(`odp:ui.schedule.${r.adjusted}`)}` : ''}
          </li>
        ))}
      </ol>
    </div>
  );
}
