import {
  lastSeenEmailDisplayName,
  type FieldMapping,
  type OdpField,
  type OdpPlan,
  type SummarySection,
  type SummaryStep,
} from '../../../../shared/integrations/optimizely/plan.ts';
import type { Translate } from '../../../translate.ts';
import { defaultEmailField } from './mappings.ts';
import { nextRuns } from './schedule.ts';

const step = (
  key: string,
  params: SummaryStep['params'] = {},
  copy: string[] = [],
): SummaryStep => ({
  key: `odp:summary.${key}`,
  params,
  copy,
});

/** How a segment list reads in a sentence: the first names, then how many more. */
const listNames = (names: readonly string[], shown = 5): string =>
  names.length <= shown
    ? names.join(', ')
    : `${names.slice(0, shown).join(', ')} (+${names.length - shown})`;

function segmentSteps(plan: OdpPlan): SummaryStep[] {
  const names = plan.segments.segments.map((s) => s.name || s.id);
  return [
    step('segments.open'),
    plan.segments.importAll
      ? step('segments.importAll')
      : step('segments.select', { count: names.length, names: listNames(names) }, names),
    step('segments.save'),
  ];
}

const isEmail = (brazeField: string) => brazeField.trim().toLowerCase() === 'email';

/**
 * ODP already holds the default map Braze Email → "Last Seen Email" once the Braze app is
 * installed, so a plan without that exact row means deleting it there (the seed's "Delete Field
 * Map"); a re-pointed Email row is that deletion plus a new map. Without ODP's fields the default's
 * API name is unknown: an Email row with no ODP field yet is the untouched default.
 */
function mappingSteps(plan: OdpPlan, fields: readonly OdpField[] | null): SummaryStep[] {
  const label = (name: string) => fields?.find((f) => f.name === name)?.displayName || name;
  const defaultTarget = fields ? defaultEmailField(fields) : null;
  const isDefault = (m: FieldMapping) =>
    isEmail(m.brazeField) && (fields ? m.odpField === defaultTarget : !m.odpField.trim());
  const kept = plan.mappings.find(isDefault);
  const steps = [step('mappings.open')];
  const defaultParams = { brazeField: 'Email', odpField: lastSeenEmailDisplayName };
  if (kept) {
    steps.push(step('mappings.default', defaultParams, [lastSeenEmailDisplayName]));
  } else if (!fields || defaultTarget) {
    steps.push(step('mappings.deleteDefault', defaultParams, [lastSeenEmailDisplayName]));
  }
  for (const m of plan.mappings) {
    if (m === kept) continue;
    const odp = label(m.odpField);
    steps.push(
      step('mappings.add', { brazeField: m.brazeField, odpField: odp }, [m.brazeField, odp]),
    );
  }
  return steps;
}

function activationSteps(plan: OdpPlan, now: Date): SummaryStep[] {
  const a = plan.activation;
  if (!a) return [];
  const steps = [step('activation.create'), step('activation.name', { name: a.name }, [a.name])];
  const e = a.enrollment;
  if (e.kind === 'segment')
    steps.push(step('activation.enrollSegment', { segment: e.segment }, [e.segment]));
  else {
    steps.push(step('activation.enrollEvent', { filter: e.filter }, [e.filter]));
    if (e.automationRules.trim()) {
      steps.push(step('activation.rules', { rules: e.automationRules }, [e.automationRules]));
    }
  }
  steps.push(step('activation.touchpoint'));
  steps.push(step('activation.target', { identifier: a.targetIdentifier }, [a.targetIdentifier]));
  const to = a.addUsersTo;
  if (to.kind === 'profileUpdateOnly') steps.push(step('activation.profileOnly'));
  else steps.push(step(`activation.${to.kind}`, { name: to.name || to.id, id: to.id }, [to.id]));
  if (a.additionalFields.length > 0) {
    steps.push(step('activation.fieldCount', { count: a.additionalFields.length }));
    a.additionalFields.forEach((f, i) =>
      steps.push(
        step('activation.field', { n: i + 1, brazeField: f.brazeField, value: f.value }, [
          f.brazeField,
          f.value,
        ]),
      ),
    );
  }
  steps.push(step('activation.save', { name: a.name }));
  const s = a.schedule;
  if (e.kind === 'segment' && s) {
    steps.push(step('activation.scheduleOpen'));
    steps.push(
      s.end.kind === 'never'
        ? step(
            'activation.scheduleNoEnd',
            { startDate: s.startDate, time: s.time, timeZone: s.timeZone },
            [s.timeZone],
          )
        : step(
            'activation.scheduleEnd',
            { startDate: s.startDate, endDate: s.end.date, time: s.time, timeZone: s.timeZone },
            [s.timeZone],
          ),
    );
    const runs = nextRuns(s, now);
    if (runs.length > 0) {
      steps.push(
        step('activation.nextRuns', {
          runs: runs.map((r) => `${r.local} (UTC${r.offset})`).join(', '),
        }),
      );
    }
  }
  steps.push(step(e.kind === 'segment' ? 'activation.goLive' : 'activation.goLiveEvent'));
  return steps;
}

/** The plan as numbered "do this in ODP" instructions, section by section (untranslated keys). */
export function planSummary(
  plan: OdpPlan,
  fields: readonly OdpField[] | null,
  now: Date,
): SummarySection[] {
  const sections: SummarySection[] = [
    { id: 'segments', titleKey: 'odp:summary.segments.title', steps: segmentSteps(plan) },
    { id: 'mappings', titleKey: 'odp:summary.mappings.title', steps: mappingSteps(plan, fields) },
  ];
  if (plan.activation) {
    sections.push({
      id: 'activation',
      titleKey: 'odp:summary.activation.title',
      steps: activationSteps(plan, now),
    });
  }
  return sections;
}

/** The summary in a report's language; the report numbers the steps of each section from 1. */
export function renderSummary(
  sections: readonly SummarySection[],
  t: Translate,
): Array<{ title: string; steps: string[] }> {
  return sections.map((s) => ({
    title: t(s.titleKey),
    steps: s.steps.map((st) => t(st.key, st.params)),
  }));
}
