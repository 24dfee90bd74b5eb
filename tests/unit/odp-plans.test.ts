import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  defaultActivation,
  emptyOdpPlan,
  type ActivationPlan,
  type FieldMapping,
  type OdpField,
  type OdpPlan,
  type PlanIssue,
  type Schedule,
} from '../../shared/integrations/optimizely/plan.ts';
import { createI18n } from '../../shared/i18n/index.ts';
import { languages } from '../../shared/types/ids.ts';
import { validateActivation } from '../../main/integrations/optimizely/plans/activation.ts';
import {
  defaultEmailField,
  validateMappings,
} from '../../main/integrations/optimizely/plans/mappings.ts';
import { nextRuns, validateSchedule } from '../../main/integrations/optimizely/plans/schedule.ts';
import { validateSegments } from '../../main/integrations/optimizely/plans/segments.ts';
import { planSummary, renderSummary } from '../../main/integrations/optimizely/plans/summary.ts';
import { validatePlan } from '../../main/integrations/optimizely/plans/validate.ts';
import { regionFromKey, resolveOdpTarget } from '../../main/integrations/optimizely/region.ts';
import type { Client } from '../../shared/types/client.ts';

const fields: OdpField[] = [
  { name: 'last_seen_email', displayName: 'Last Seen Email', type: 'string' },
  { name: 'first_name', displayName: 'First Name', type: 'string' },
  { name: 'company_name', displayName: 'Company Name', type: 'string' },
  { name: 'lifetime_value', displayName: 'Lifetime Value', type: 'number' },
  { name: 'vip', displayName: 'VIP', type: 'boolean' },
  { name: 'signup_at', displayName: 'Signed Up', type: 'timestamp' },
];

const keysOf = (issues: readonly PlanIssue[]) =>
  issues.map((i) => `${i.severity}:${i.path}:${i.messageKey.replace('odp:issue.', '')}`).sort();

/** Every key a plan function emits must read in all five languages. */
const i18n = Object.fromEntries(languages.map((l) => [l, createI18n(l)]));
function assertTranslated(key: string): void {
  for (const lang of languages) {
    assert.ok(i18n[lang]?.exists(key), `${key} missing in ${lang}`);
  }
}

test('region: read from the key suffix before the last dot, else the chosen region', () => {
  const cases: Array<[string, ReturnType<typeof regionFromKey>]> = [
    ['trk.secret', null],
    ['trk-eu1.secret', 'eu'],
    ['trk-au1.secret', 'au'],
    ['trk-eu1', 'eu'],
    ['trk.secret-eu1', null],
    ['a.b-au1.c', 'au'],
  ];
  for (const [key, region] of cases) assert.equal(regionFromKey(key), region, key);

  const client = (inputs: Record<string, string>) => ({ inputs }) as unknown as Client;
  const eu = resolveOdpTarget(client({ 'odp.region': 'us' }), 'trk-eu1.s');
  assert.deepEqual(
    [eu.region, eu.regionSource, eu.base, eu.conflictingInput],
    ['eu', 'key', 'https://api.eu1.odp.optimizely.com', 'us'],
  );
  const au = resolveOdpTarget(client({ 'odp.region': 'au' }), 'trk.s');
  assert.deepEqual(
    [au.region, au.regionSource, au.base],
    ['au', 'input', 'https://api.au1.odp.optimizely.com'],
  );
  const us = resolveOdpTarget(client({}), 'trk.s');
  assert.deepEqual(
    [us.region, us.regionSource, us.base],
    ['us', 'default', 'https://api.zaius.com'],
  );
  const local = resolveOdpTarget(client({ 'odp.apiBase': 'http://127.0.0.1:9/eu/' }), 'trk-eu1.s');
  assert.equal(local.base, 'http://127.0.0.1:9/eu');
});

test('segments: none chosen without "import all" fails with the no-profile warning', () => {
  const known = new Set(['s1', 's2']);
  const cases: Array<[string, OdpPlan['segments'], ReadonlySet<string> | null, string[]]> = [
    ['none', { importAll: false, segments: [] }, known, ['error::segments.noneChosen']],
    ['import all', { importAll: true, segments: [] }, known, []],
    ['one known', { importAll: false, segments: [{ id: 's1', name: 'VIP' }] }, known, []],
    [
      'deleted in Braze',
      { importAll: false, segments: [{ id: 'gone', name: 'Old' }] },
      known,
      ['warning:0:segments.notInBraze'],
    ],
    [
      'Braze list never fetched',
      { importAll: false, segments: [{ id: 'x', name: 'X' }] },
      null,
      [],
    ],
  ];
  for (const [name, plan, ids, expected] of cases) {
    const issues = validateSegments(plan, ids);
    assert.deepEqual(keysOf(issues), expected, name);
    issues.forEach((i) => assertTranslated(i.messageKey));
  }
});

test('mappings: default Email row targets the field displayed "Last Seen Email"', () => {
  assert.equal(defaultEmailField(fields), 'last_seen_email');
  assert.equal(defaultEmailField(fields.filter((f) => f.name !== 'last_seen_email')), null);
  assert.deepEqual(emptyOdpPlan('last_seen_email').mappings, [
    { brazeField: 'email', brazeType: 'string', odpField: 'last_seen_email' },
  ]);
});

test('mappings: unknown, duplicate, empty and type-mismatched rows', () => {
  const email: FieldMapping = {
    brazeField: 'email',
    brazeType: 'string',
    odpField: 'last_seen_email',
  };
  const row = (brazeField: string, brazeType: FieldMapping['brazeType'], odpField: string) => ({
    brazeField,
    brazeType,
    odpField,
  });
  const cases: Array<[string, FieldMapping[], string[]]> = [
    ['default only', [email], []],
    [
      'compatible extras',
      [
        email,
        row('first_name', 'string', 'first_name'),
        row('ltv', 'number', 'lifetime_value'),
        row('signup', 'time', 'signup_at'),
        row('vip', 'boolean', 'vip'),
      ],
      [],
    ],
    ['number into string is fine', [email, row('age', 'number', 'company_name')], []],
    [
      'unknown ODP field',
      [email, row('plan', 'string', 'plan_tier')],
      ['error:1.odpField:mappings.unknownOdpField'],
    ],
    [
      'ODP field mapped twice',
      [email, row('work_email', 'string', 'last_seen_email')],
      ['error:1.odpField:mappings.duplicateOdpField'],
    ],
    [
      'empty row',
      [email, row('', 'string', '')],
      [
        'error:1.brazeField:mappings.brazeFieldMissing',
        'error:1.odpField:mappings.odpFieldMissing',
      ],
    ],
    [
      'string into number warns',
      [email, row('ltv', 'string', 'lifetime_value')],
      ['warning:1.odpField:mappings.typeMismatch'],
    ],
    [
      'array into string warns',
      [email, row('tags', 'array', 'company_name')],
      ['warning:1.odpField:mappings.typeMismatch'],
    ],
    [
      'email removed warns',
      [row('first_name', 'string', 'first_name')],
      ['warning::mappings.emailRemoved'],
    ],
  ];
  for (const [name, mappings, expected] of cases) {
    const issues = validateMappings(mappings, fields);
    assert.deepEqual(keysOf(issues), expected.sort(), name);
    issues.forEach((i) => assertTranslated(i.messageKey));
  }
  const dup = validateMappings([email, row('w', 'string', 'last_seen_email')], fields)[0];
  assert.deepEqual(dup?.params, { field: 'Last Seen Email', row: 2, firstRow: 1 });
});

test('mappings: a type mismatch names both types with their translated labels', () => {
  const email = { brazeField: 'email', brazeType: 'string' as const, odpField: 'last_seen_email' };
  const odd: OdpField = { name: 'embedding', displayName: 'Embedding', type: 'vector' };
  const warningFor = (mapping: FieldMapping) => {
    const issue = validateMappings([email, mapping], [...fields, odd])[0];
    assert.equal(issue?.messageKey, 'odp:issue.mappings.typeMismatch');
    return (language: 'en' | 'fr') => i18n[language]?.t(issue.messageKey, issue.params) ?? '';
  };
  const tags = warningFor({ brazeField: 'tags', brazeType: 'array', odpField: 'signup_at' });
  assert.equal(
    tags('fr'),
    'tags est de type « liste » dans Braze mais « Signed Up » est de type « date/heure » dans ODP : des valeurs risquent d’être perdues ou converties.',
  );
  assert.match(tags('en'), /type “list” in Braze but “Signed Up” is of type “date\/time” in ODP/);
  // A type ODP does not document keeps its own spelling rather than a label that does not exist.
  const vector = warningFor({ brazeField: 'score', brazeType: 'number', odpField: 'embedding' });
  assert.match(
    vector('fr'),
    /de type « nombre » dans Braze mais « Embedding » est de type « vector »/,
  );
});

const now = new Date('2025-03-20T12:00:00Z');
const activation = (patch: Partial<ActivationPlan> = {}): ActivationPlan => ({
  ...defaultActivation('Europe/Paris', '2025-03-21'),
  enrollment: { kind: 'segment', segment: 'Active buyers' },
  targetIdentifier: 'email',
  ...patch,
});
const nFields = (n: number) =>
  Array.from({ length: n }, (_, i) => ({
    brazeField: `field_${i + 1}`,
    value: '{{customer.company_name}}',
  }));

test('activation: 20 additional fields pass, a 21st is refused', () => {
  assert.deepEqual(
    keysOf(validateActivation(activation({ additionalFields: nFields(20) }), fields, now)),
    [],
  );
  const issues = validateActivation(activation({ additionalFields: nFields(21) }), fields, now);
  assert.deepEqual(keysOf(issues), ['error:additionalFields:activation.tooManyFields']);
  assert.deepEqual(issues[0]?.params, { max: 20, count: 21 });
});

test('activation: every {{customer.*}} value is checked against ODP fields', () => {
  const one = (value: string) =>
    activation({ additionalFields: [{ brazeField: 'company', value }] });
  const cases: Array<[string, string, readonly OdpField[] | null, string[]]> = [
    ['known field', '{{customer.company_name}}', fields, []],
    [
      'with filter and text',
      'Hi {{ customer.first_name | capitalize }} of {{customer.company_name}}',
      fields,
      [],
    ],
    ['inside a tag', '{% if customer.vip %}{{ customer.lifetime_value }}{% endif %}', fields, []],
    [
      'unknown field',
      '{{customer.company}}',
      fields,
      ['error:additionalFields.0.value:activation.unknownCustomerField'],
    ],
    [
      'one unknown among known',
      '{{customer.first_name}} {{customer.nickname}}',
      fields,
      ['error:additionalFields.0.value:activation.unknownCustomerField'],
    ],
    [
      'customer alone',
      '{{customer}}',
      fields,
      ['error:additionalFields.0.value:activation.customerWithoutField'],
    ],
    [
      'broken Liquid',
      '{{ customer.company_name',
      fields,
      ['error:additionalFields.0.value:activation.liquidInvalid'],
    ],
    [
      'unknown tag',
      '{% bogus %}',
      fields,
      ['error:additionalFields.0.value:activation.liquidInvalid'],
    ],
    [
      'other root',
      '{{ event.name }}',
      fields,
      ['warning:additionalFields.0.value:activation.notCustomerVariable'],
    ],
    ['plain constant', 'Braze', fields, []],
    ['empty value', '  ', fields, ['error:additionalFields.0.value:activation.valueMissing']],
    [
      'fields never fetched',
      '{{customer.anything}}',
      null,
      ['warning:additionalFields:activation.fieldsNotFetched'],
    ],
  ];
  for (const [name, value, odpFields, expected] of cases) {
    const issues = validateActivation(one(value), odpFields, now);
    assert.deepEqual(keysOf(issues), expected.sort(), name);
    issues.forEach((i) => assertTranslated(i.messageKey));
  }
  const unknown = validateActivation(one('{{customer.nickname}}'), fields, now)[0];
  assert.equal(unknown?.params.field, 'nickname');
});

test('activation: required parts per enrollment and target', () => {
  const cases: Array<[string, Partial<ActivationPlan>, string[]]> = [
    ['complete', {}, []],
    ['no name', { name: ' ' }, ['error:name:activation.nameMissing']],
    [
      'no segment',
      { enrollment: { kind: 'segment', segment: '' } },
      ['error:enrollment.segment:activation.segmentMissing'],
    ],
    ['segment without schedule', { schedule: null }, ['error:schedule:activation.scheduleMissing']],
    [
      'event without filter',
      { enrollment: { kind: 'event', filter: '', automationRules: '' }, schedule: null },
      ['error:enrollment.filter:activation.filterMissing'],
    ],
    [
      'event needs no schedule',
      {
        enrollment: { kind: 'event', filter: 'email open', automationRules: 'once per day' },
        schedule: null,
      },
      [],
    ],
    [
      'no target identifier',
      { targetIdentifier: '' },
      ['error:targetIdentifier:activation.targetIdentifierMissing'],
    ],
    [
      'campaign without id',
      { addUsersTo: { kind: 'campaign', id: '', name: '' } },
      ['error:addUsersTo.id:activation.campaignMissing'],
    ],
    [
      'canvas without id',
      { addUsersTo: { kind: 'canvas', id: ' ', name: 'x' } },
      ['error:addUsersTo.id:activation.canvasMissing'],
    ],
    ['canvas with id', { addUsersTo: { kind: 'canvas', id: 'c-1', name: 'Welcome' } }, []],
    [
      'same Braze field twice',
      {
        additionalFields: [
          { brazeField: 'a', value: 'x' },
          { brazeField: 'a', value: 'y' },
        ],
      },
      ['warning:additionalFields.1.brazeField:activation.brazeFieldTwice'],
    ],
  ];
  for (const [name, patch, expected] of cases) {
    const issues = validateActivation(activation(patch), fields, now);
    assert.deepEqual(keysOf(issues), expected.sort(), name);
    issues.forEach((i) => assertTranslated(i.messageKey));
  }
});

const schedule = (patch: Partial<Schedule>): Schedule => ({
  mode: 'recurring',
  startDate: '2025-03-01',
  end: { kind: 'never' },
  repeats: 'daily',
  everyDays: 1,
  time: '09:00',
  timeZone: 'Europe/Paris',
  ...patch,
});

test('schedule: next three runs across daylight-saving changes', () => {
  const cases: Array<[string, Schedule, string, Array<[string, string, string | null]>]> = [
    [
      'Paris 09:00 across spring forward (30 Mar 2025)',
      schedule({ time: '09:00', timeZone: 'Europe/Paris' }),
      '2025-03-28T12:00:00Z',
      [
        ['2025-03-29T08:00:00.000Z', '2025-03-29 09:00', null],
        ['2025-03-30T07:00:00.000Z', '2025-03-30 09:00', null],
        ['2025-03-31T07:00:00.000Z', '2025-03-31 09:00', null],
      ],
    ],
    [
      'Paris 02:30 does not exist on 30 Mar: runs after the jump',
      schedule({ time: '02:30', timeZone: 'Europe/Paris' }),
      '2025-03-28T12:00:00Z',
      [
        ['2025-03-29T01:30:00.000Z', '2025-03-29 02:30', null],
        ['2025-03-30T01:30:00.000Z', '2025-03-30 03:30', 'gap'],
        ['2025-03-31T00:30:00.000Z', '2025-03-31 02:30', null],
      ],
    ],
    [
      'Paris 02:30 happens twice on 26 Oct: first occurrence',
      schedule({ time: '02:30', timeZone: 'Europe/Paris' }),
      '2025-10-25T12:00:00Z',
      [
        ['2025-10-26T00:30:00.000Z', '2025-10-26 02:30', 'overlap'],
        ['2025-10-27T01:30:00.000Z', '2025-10-27 02:30', null],
        ['2025-10-28T01:30:00.000Z', '2025-10-28 02:30', null],
      ],
    ],
    [
      'New York 01:30 across fall back (2 Nov 2025)',
      schedule({ time: '01:30', timeZone: 'America/New_York' }),
      '2025-10-31T12:00:00Z',
      [
        ['2025-11-01T05:30:00.000Z', '2025-11-01 01:30', null],
        ['2025-11-02T05:30:00.000Z', '2025-11-02 01:30', 'overlap'],
        ['2025-11-03T06:30:00.000Z', '2025-11-03 01:30', null],
      ],
    ],
    [
      'New York 02:15 skipped on 9 Mar 2025',
      schedule({ time: '02:15', timeZone: 'America/New_York' }),
      '2025-03-08T12:00:00Z',
      [
        ['2025-03-09T07:15:00.000Z', '2025-03-09 03:15', 'gap'],
        ['2025-03-10T06:15:00.000Z', '2025-03-10 02:15', null],
        ['2025-03-11T06:15:00.000Z', '2025-03-11 02:15', null],
      ],
    ],
    [
      'today’s run already passed, end date stops the list',
      schedule({ time: '08:00', timeZone: 'UTC', end: { kind: 'on', date: '2025-03-22' } }),
      '2025-03-20T12:00:00Z',
      [
        ['2025-03-21T08:00:00.000Z', '2025-03-21 08:00', null],
        ['2025-03-22T08:00:00.000Z', '2025-03-22 08:00', null],
      ],
    ],
    [
      'start date in the future',
      schedule({ startDate: '2025-06-01', time: '23:45', timeZone: 'Asia/Tokyo' }),
      '2025-03-20T12:00:00Z',
      [
        ['2025-06-01T14:45:00.000Z', '2025-06-01 23:45', null],
        ['2025-06-02T14:45:00.000Z', '2025-06-02 23:45', null],
        ['2025-06-03T14:45:00.000Z', '2025-06-03 23:45', null],
      ],
    ],
    [
      'late evening in a zone already on tomorrow’s date',
      schedule({ time: '00:30', timeZone: 'Pacific/Auckland' }),
      '2025-03-20T11:00:00Z',
      [
        ['2025-03-20T11:30:00.000Z', '2025-03-21 00:30', null],
        ['2025-03-21T11:30:00.000Z', '2025-03-22 00:30', null],
        ['2025-03-22T11:30:00.000Z', '2025-03-23 00:30', null],
      ],
    ],
  ];
  for (const [name, s, at, expected] of cases) {
    const runs = nextRuns(s, new Date(at));
    assert.deepEqual(
      runs.map((r) => [r.at, r.local, r.adjusted]),
      expected,
      name,
    );
  }
  const [summer] = nextRuns(schedule({ startDate: '2025-07-01' }), now);
  assert.equal(summer?.offset, '+02:00');
});

test('schedule: invalid dates, times, zones and DST notes', () => {
  const cases: Array<[string, Partial<Schedule>, string[]]> = [
    ['fine', {}, []],
    ['30 February', { startDate: '2025-02-30' }, ['error:startDate:schedule.badDate']],
    ['24:00', { time: '24:00' }, ['error:time:schedule.badTime']],
    ['bad zone', { timeZone: 'Europe/Pariss' }, ['error:timeZone:schedule.badTimeZone']],
    [
      'end before start',
      { startDate: '2025-04-10', end: { kind: 'on', date: '2025-04-01' } },
      ['error:end.date:schedule.endBeforeStart'],
    ],
    [
      'ended already',
      { startDate: '2025-03-01', end: { kind: 'on', date: '2025-03-10' } },
      ['error:end.date:schedule.noFutureRun', 'warning:startDate:schedule.startInPast'],
    ],
    ['gap ahead', { startDate: '2025-03-29', time: '02:30' }, ['warning:time:schedule.dstGap']],
  ];
  const at = new Date('2025-03-28T12:00:00Z');
  for (const [name, patch, expected] of cases) {
    const s = schedule({ startDate: '2025-03-28', ...patch });
    const issues = validateSchedule(s, at);
    assert.deepEqual(keysOf(issues), expected.sort(), name);
    issues.forEach((i) => assertTranslated(i.messageKey));
  }
});

test('summary: numbered, translated steps with copy values', () => {
  const plan: OdpPlan = {
    segments: {
      importAll: false,
      segments: [
        { id: 's1', name: 'VIP' },
        { id: 's2', name: 'Churn risk' },
      ],
    },
    mappings: [
      { brazeField: 'email', brazeType: 'string', odpField: 'last_seen_email' },
      { brazeField: 'company', brazeType: 'string', odpField: 'company_name' },
    ],
    activation: activation({
      addUsersTo: { kind: 'canvas', id: 'cv-1', name: 'Welcome' },
      additionalFields: [{ brazeField: 'company_name', value: '{{customer.company_name}}' }],
    }),
  };
  const sections = planSummary(plan, fields, now);
  assert.deepEqual(
    sections.map((s) => s.id),
    ['segments', 'mappings', 'activation'],
  );
  for (const s of sections) {
    assertTranslated(s.titleKey);
    s.steps.forEach((st) => assertTranslated(st.key));
  }
  const segmentsStep = sections[0]?.steps[1];
  assert.deepEqual(segmentsStep?.copy, ['VIP', 'Churn risk']);
  const field = sections[2]?.steps.find((st) => st.key === 'odp:summary.activation.field');
  assert.deepEqual(field?.copy, ['company_name', '{{customer.company_name}}']);

  const fr = createI18n('fr');
  const rendered = renderSummary(sections, (k, p) => fr.t(k, p ?? {}));
  assert.equal(rendered[0]?.title, 'Segments à synchroniser');
  assert.match(rendered[0]?.steps[1] ?? '', /VIP, Churn risk/);
  assert.match(rendered[1]?.steps[2] ?? '', /company.*Company Name/);
  const activationText = rendered[2]?.steps.join('\n') ?? '';
  assert.match(activationText, /Field #1 Value : \{\{customer\.company_name\}\}/);
  assert.match(activationText, /2025-03-21 02:00 \(UTC\+01:00\)/);
  assert.match(activationText, /« Welcome » \(id cv-1\)/);

  const all = planSummary(
    { ...plan, segments: { importAll: true, segments: [] }, activation: null },
    fields,
    now,
  );
  assert.equal(all.length, 2);
  assert.equal(all[0]?.steps[1]?.key, 'odp:summary.segments.importAll');
});

test('validatePlan prefixes paths from the plan root', () => {
  const plan: OdpPlan = {
    ...emptyOdpPlan('last_seen_email'),
    activation: activation({ name: '' }),
  };
  const issues = validatePlan(plan, { fields, brazeSegmentIds: null, now });
  assert.deepEqual(keysOf(issues), [
    'error:activation.name:activation.nameMissing',
    'error:segments:segments.noneChosen',
  ]);
});
