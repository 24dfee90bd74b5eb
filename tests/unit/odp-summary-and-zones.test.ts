import assert from 'node:assert/strict';
import { test } from 'node:test';
import { planSummary, renderSummary } from '../../main/integrations/optimizely/plans/summary.ts';
import { validateSchedule } from '../../main/integrations/optimizely/plans/schedule.ts';
import { createI18n } from '../../shared/i18n/index.ts';
import {
  canonicalTimeZone,
  defaultActivation,
  emptyOdpPlan,
  todayIn,
  type FieldMapping,
  type OdpField,
  type OdpPlan,
} from '../../shared/integrations/optimizely/plan.ts';
import { languages } from '../../shared/types/ids.ts';

const fields: OdpField[] = [
  { name: 'lse', displayName: 'Last Seen Email', type: 'string' },
  { name: 'work_email', displayName: 'Work Email', type: 'string' },
  { name: 'company_name', displayName: 'Company Name', type: 'string' },
];
const row = (brazeField: string, odpField: string): FieldMapping => ({
  brazeField,
  brazeType: 'string',
  odpField,
});
const planWith = (mappings: FieldMapping[]): OdpPlan => ({ ...emptyOdpPlan(null), mappings });
const now = new Date('2025-03-20T12:00:00Z');

/** The mapping section as `key(brazeField→odpField)`, the shape a CSM reads it in. */
function mappingSteps(mappings: FieldMapping[], known: readonly OdpField[] | null): string[] {
  const section = planSummary(planWith(mappings), known, now).find((s) => s.id === 'mappings');
  return (section?.steps ?? []).map((st) => {
    const key = st.key.replace('odp:summary.mappings.', '');
    return st.params.brazeField === undefined
      ? key
      : `${key}(${st.params.brazeField}→${st.params.odpField})`;
  });
}

test('mappings summary: what ODP must lose when the default Email map is deleted or re-pointed', () => {
  const cases: Array<[string, FieldMapping[], readonly OdpField[] | null, string[]]> = [
    [
      'default kept',
      [row('email', 'lse'), row('company', 'company_name')],
      fields,
      ['open', 'default(Email→Last Seen Email)', 'add(company→Company Name)'],
    ],
    [
      'default row deleted',
      [row('company', 'company_name')],
      fields,
      ['open', 'deleteDefault(Email→Last Seen Email)', 'add(company→Company Name)'],
    ],
    ['nothing mapped at all', [], fields, ['open', 'deleteDefault(Email→Last Seen Email)']],
    [
      'Email re-pointed to another ODP field',
      [row('email', 'work_email')],
      fields,
      ['open', 'deleteDefault(Email→Last Seen Email)', 'add(email→Work Email)'],
    ],
    [
      'another Braze field now fills Last Seen Email',
      [row('secondary_email', 'lse')],
      fields,
      ['open', 'deleteDefault(Email→Last Seen Email)', 'add(secondary_email→Last Seen Email)'],
    ],
    [
      'Email case does not matter',
      [row('Email', 'lse')],
      fields,
      ['open', 'default(Email→Last Seen Email)'],
    ],
    [
      'fields not fetched, default row untouched',
      [row('email', '')],
      null,
      ['open', 'default(Email→Last Seen Email)'],
    ],
    [
      'fields not fetched, default row deleted',
      [row('company', 'company_name')],
      null,
      ['open', 'deleteDefault(Email→Last Seen Email)', 'add(company→company_name)'],
    ],
    [
      'ODP has no Last Seen Email field: nothing to delete',
      [row('email', 'work_email')],
      fields.slice(1),
      ['open', 'add(email→Work Email)'],
    ],
  ];
  for (const [name, mappings, known, expected] of cases) {
    assert.deepEqual(mappingSteps(mappings, known), expected, name);
  }
});

test('the delete step reads in all five languages, numbered by the report from 1', () => {
  const sections = planSummary(planWith([row('email', 'work_email')]), fields, now);
  for (const language of languages) {
    const i18n = createI18n(language);
    const [, mappings] = renderSummary(sections, (k, p) => i18n.t(k, p ?? {}));
    const deletion = mappings?.steps[1] ?? '';
    assert.ok(i18n.exists('odp:summary.mappings.deleteDefault'), language);
    assert.match(deletion, /Delete Field Map/, `${language}: ${deletion}`);
    assert.match(deletion, /Last Seen Email/, language);
    assert.doesNotMatch(deletion, /\{\{/, `${language}: every value is filled in`);
  }
});

test('time zones: IANA zone names as spelled by IANA or the runtime; near misses get the listed name', () => {
  const cases: Array<[string, string | null]> = [
    ['Europe/Paris', 'Europe/Paris'],
    ['America/New_York', 'America/New_York'],
    ['UTC', 'UTC'],
    ['europe/paris', 'Europe/Paris'],
    ['EUROPE/PARIS', 'Europe/Paris'],
    ['utc', 'UTC'],
    ['Etc/UTC', 'UTC'],
    ['US/Eastern', 'America/New_York'],
    [' Europe/Paris ', 'Europe/Paris'],
    // Renamed by IANA, still listed under the old name by the runtime: the current name stands.
    ['Asia/Kolkata', 'Asia/Kolkata'],
    ['Europe/Kyiv', 'Europe/Kyiv'],
    ['Asia/Calcutta', 'Asia/Calcutta'],
    ['Asia/Nowhere', null],
    ['+01:00', null],
    ['-05:00', null],
    ['EST', null],
    ['CET', null],
    ['GMT+1', null],
    ['Europe/Pariss', null],
    ['', null],
  ];
  for (const [name, expected] of cases) assert.equal(canonicalTimeZone(name), expected, name);
});

test('schedule validation refuses unlisted or misspelled zones and names the listed one', () => {
  const schedule = (timeZone: string) => ({
    ...(defaultActivation(timeZone, '2025-03-21').schedule ?? assert.fail('no schedule')),
    timeZone,
  });
  const cases: Array<[string, string[]]> = [
    ['Europe/Paris', []],
    ['UTC', []],
    ['europe/paris', ['schedule.timeZoneSpelling:Europe/Paris']],
    ['US/Eastern', ['schedule.timeZoneSpelling:America/New_York']],
    ['+01:00', ['schedule.badTimeZone:']],
    ['EST', ['schedule.badTimeZone:']],
    ['Mars/Olympus', ['schedule.badTimeZone:']],
  ];
  for (const [zone, expected] of cases) {
    const issues = validateSchedule(schedule(zone), now).filter((i) => i.path === 'timeZone');
    assert.deepEqual(
      issues.map((i) => `${i.messageKey.replace('odp:issue.', '')}:${i.params.suggestion ?? ''}`),
      expected,
      zone,
    );
  }
  const fr = createI18n('fr');
  const [spelling] = validateSchedule(schedule('europe/paris'), now);
  assert.match(fr.t(spelling?.messageKey ?? '', spelling?.params ?? {}), /Europe\/Paris/);
});

test('today is the calendar date in the zone, not UTC’s', () => {
  const lateEvening = new Date('2025-03-20T23:30:00Z');
  const cases: Array<[string, string]> = [
    ['UTC', '2025-03-20'],
    ['Europe/Paris', '2025-03-21'],
    ['America/Los_Angeles', '2025-03-20'],
    ['Pacific/Auckland', '2025-03-21'],
  ];
  for (const [zone, expected] of cases) assert.equal(todayIn(zone, lateEvening), expected, zone);
  assert.equal(todayIn('Pacific/Honolulu', new Date('2025-03-21T05:00:00Z')), '2025-03-20');
});
