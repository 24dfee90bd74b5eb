import { useTranslation } from 'react-i18next';
import {
  canonicalTimeZone,
  defaultActivation,
  maxActivationFields,
  todayIn,
  type ActivationPlan,
} from '../../../../shared/integrations/optimizely/plan.ts';
import { BrazeTargetPicker } from './BrazeTargetPicker.tsx';
import { IssueList } from './IssueList.tsx';
import { useOdpPlan } from './plan-store.ts';
import { RadioOption } from './RadioOption.tsx';
import { TextField } from './TextField.tsx';

/** The CSM's zone as ODP lists it (UTC when the computer's zone is not a listed name). */
const localZone = () =>
  canonicalTimeZone(Intl.DateTimeFormat().resolvedOptions().timeZone) ?? 'UTC';
/** A new activation's start date, in the zone it is planned in. */
const suggestedActivation = () => {
  const zone = localZone();
  return defaultActivation(zone, todayIn(zone));
};

/** ODP → Braze behavioural campaign: enrollment, touchpoint target, destination, extra fields. */
export function ActivationPlanner() {
  const { t } = useTranslation();
  const plan = useOdpPlan((s) => s.plan);
  const view = useOdpPlan((s) => s.view);
  const edit = useOdpPlan((s) => s.edit);
  if (!plan || !view) return null;
  const a = plan.activation;
  if (!a) {
    return (
      <button
        type="button"
        className="button button-primary"
        onClick={() => edit((d) => void (d.activation = suggestedActivation()))}
      >
        {t('odp:ui.activation.start')}
      </button>
    );
  }
  const set = (change: (x: ActivationPlan) => void) =>
    edit((d) => {
      if (d.activation) change(d.activation);
    });
  const issues = view.issues;
  const full = a.additionalFields.length >= maxActivationFields;

  return (
    <div className="odp-activation">
      <TextField
        label={t('odp:ui.activation.name')}
        value={a.name}
        onChange={(v) => set((x) => void (x.name = v))}
      />
      <IssueList issues={issues} path="activation.name" />

      <fieldset className="fieldset">
        <legend>{t('odp:ui.activation.enrollment')}</legend>
        <RadioOption
          name="odp-enrollment"
          label={t('odp:ui.activation.bySegment')}
          checked={a.enrollment.kind === 'segment'}
          onSelect={() =>
            set((x) => {
              x.enrollment = { kind: 'segment', segment: '' };
              x.schedule ??= suggestedActivation().schedule;
            })
          }
        />
        <RadioOption
          name="odp-enrollment"
          label={t('odp:ui.activation.byEvent')}
          checked={a.enrollment.kind === 'event'}
          onSelect={() =>
            set((x) => void (x.enrollment = { kind: 'event', filter: '', automationRules: '' }))
          }
        />
        {a.enrollment.kind === 'segment' ? (
          <TextField
            label={t('odp:ui.activation.segment')}
            value={a.enrollment.segment}
            onChange={(v) =>
              set((x) => void (x.enrollment.kind === 'segment' && (x.enrollment.segment = v)))
            }
          />
        ) : (
          <>
            <TextField
              label={t('odp:ui.activation.filter')}
              value={a.enrollment.filter}
              onChange={(v) =>
                set((x) => void (x.enrollment.kind === 'event' && (x.enrollment.filter = v)))
              }
            />
            <TextField
              label={t('odp:ui.activation.rules')}
              value={a.enrollment.automationRules}
              multiline
              onChange={(v) =>
                set(
                  (x) => void (x.enrollment.kind === 'event' && (x.enrollment.automationRules = v)),
                )
              }
            />
          </>
        )}
        <IssueList issues={issues} path="activation.enrollment" />
      </fieldset>

      <p className="field-help">{t('odp:ui.activation.touchpoint')}</p>
      <TextField
        label={t('odp:ui.activation.targetIdentifier')}
        value={a.targetIdentifier}
        onChange={(v) => set((x) => void (x.targetIdentifier = v))}
      />
      <IssueList issues={issues} path="activation.targetIdentifier" />

      <fieldset className="fieldset">
        <legend>{t('odp:ui.activation.addUsersTo')}</legend>
        {(['campaign', 'canvas', 'profileUpdateOnly'] as const).map((kind) => (
          <RadioOption
            key={kind}
            name="odp-add-to"
            label={t(`odp:ui.activation.to.${kind}`)}
            checked={a.addUsersTo.kind === kind}
            onSelect={() =>
              set(
                (x) =>
                  void (x.addUsersTo =
                    kind === 'profileUpdateOnly' ? { kind } : { kind, id: '', name: '' }),
              )
            }
          />
        ))}
        {a.addUsersTo.kind !== 'profileUpdateOnly' ? (
          <>
            <BrazeTargetPicker key={a.addUsersTo.kind} kind={a.addUsersTo.kind} />
            <TextField
              label={t('odp:ui.activation.targetId')}
              value={a.addUsersTo.id}
              onChange={(v) =>
                set(
                  (x) => void (x.addUsersTo.kind !== 'profileUpdateOnly' && (x.addUsersTo.id = v)),
                )
              }
            />
            <TextField
              label={t('odp:ui.activation.targetName')}
              value={a.addUsersTo.name}
              onChange={(v) =>
                set(
                  (x) =>
                    void (x.addUsersTo.kind !== 'profileUpdateOnly' && (x.addUsersTo.name = v)),
                )
              }
            />
          </>
        ) : null}
        <IssueList issues={issues} path="activation.addUsersTo" />
      </fieldset>

      <fieldset className="fieldset">
        <legend>
          {t('odp:ui.activation.fields', {
            count: a.additionalFields.length,
            max: maxActivationFields,
          })}
        </legend>
        {a.additionalFields.map((f, i) => (
          <div key={i} className="odp-field-row">
            <TextField
              label={t('odp:ui.activation.fieldBraze', { n: i + 1 })}
              value={f.brazeField}
              onChange={(v) =>
                set((x) => void (x.additionalFields[i] && (x.additionalFields[i].brazeField = v)))
              }
            />
            <TextField
              label={t('odp:ui.activation.fieldValue', { n: i + 1 })}
              value={f.value}
              placeholder="{{customer.company_name}}"
              onChange={(v) =>
                set((x) => void (x.additionalFields[i] && (x.additionalFields[i].value = v)))
              }
            />
            <button
              type="button"
              className="button button-danger-quiet button-small"
              onClick={() => set((x) => void x.additionalFields.splice(i, 1))}
            >
              {t('odp:ui.activation.removeField', { n: i + 1 })}
            </button>
            <IssueList issues={issues} path={`activation.additionalFields.${i}`} />
          </div>
        ))}
        <IssueList
          issues={issues.filter((x) => x.path === 'activation.additionalFields')}
          path="activation.additionalFields"
        />
        <button
          type="button"
          className="button"
          disabled={full}
          onClick={() => set((x) => void x.additionalFields.push({ brazeField: '', value: '' }))}
        >
          {t('odp:ui.activation.addField')}
        </button>
        {full ? (
          <p className="field-help">
            {t('odp:ui.activation.fieldsFull', { max: maxActivationFields })}
          </p>
        ) : null}
      </fieldset>
      <button
        type="button"
        className="button button-danger-quiet"
        onClick={() => edit((d) => void (d.activation = null))}
      >
        {t('odp:ui.activation.remove')}
      </button>
    </div>
  );
}
