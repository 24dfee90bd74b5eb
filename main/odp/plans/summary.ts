import type { OdpField, OdpPlan, SummarySection, SummaryStep } from '../../../shared/odp-plan.ts';
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

function mappingSteps(plan: OdpPlan, fields: readonly OdpField[] | null): SummaryStep[] {
  const label = (name: string) => fields?.find((f) => f.name === name)?.displayName || name;
  const steps = [step('mappings.open')];
  for (const m of plan.mappings) {
    const odp = label(m.odpField);
    steps.push(
      m.brazeField.toLowerCase() === 'email'
        ? step('mappings.default', { brazeField: m.brazeField, odpField: odp }, [odp])
        : step('mappings.add', { brazeField: m.brazeField, odpField: odp }, [m.brazeField, odp]),
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

export type Translate = (key: string, params?: Record<string, string | number>) => string;

/** The summary in the CSM's language, each step numbered from 1 within its section (for reports). */
export function renderSummary(
  sections: readonly SummarySection[],
  t: Translate,
): Array<{ title: string; steps: string[] }> {
  return sections.map((s) => ({
    title: t(s.titleKey),
    steps: s.steps.map((st, i) => `${i + 1}. ${t(st.key, st.params)}`),
  }));
}
