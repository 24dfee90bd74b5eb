import assert from 'node:assert/strict';
import { test } from 'node:test';
import { withDefaultEmailTarget } from '../../main/integrations/optimizely/plans/mappings.ts';
import { mappingsPlanCheck } from '../../main/integrations/optimizely/checks/plan-checks.ts';
import { planView } from '../../main/integrations/optimizely/plan-view.ts';
import {
  emptyOdpPlan,
  fieldsArtifactKey,
  planArtifactKey,
  type FieldMapping,
  type OdpField,
} from '../../shared/integrations/optimizely/plan.ts';
import { checkContext, testClient } from '../support/check-context.ts';

// A plan saved before ODP's fields were fetched (the guide has segments picked before mappings)
// holds the Email row with no ODP field; once the fields are known it keeps the documented default.

const fields: OdpField[] = [
  { name: 'company_name', displayName: 'Company Name', type: 'string' },
  { name: 'last_seen_email', displayName: 'Last Seen Email', type: 'string' },
];
const row = (brazeField: string, odpField: string): FieldMapping => ({
  brazeField,
  brazeType: 'string',
  odpField,
});

test('the empty Email row takes "Last Seen Email"; anything chosen stays as it is', () => {
  const cases: [string, FieldMapping[], FieldMapping[], readonly OdpField[]][] = [
    ['empty Email row', [row('email', '')], [row('email', 'last_seen_email')], fields],
    ['chosen field kept', [row('email', 'company_name')], [row('email', 'company_name')], fields],
    [
      'Last Seen Email already mapped elsewhere',
      [row('email', ''), row('work_email', 'last_seen_email')],
      [row('email', ''), row('work_email', 'last_seen_email')],
      fields,
    ],
    [
      'only the first empty Email row',
      [row('email', ''), row('Email', '')],
      [row('email', 'last_seen_email'), row('Email', '')],
      fields,
    ],
    ['another empty row', [row('phone', '')], [row('phone', '')], fields],
    ['no Last Seen Email in ODP', [row('email', '')], [row('email', '')], fields.slice(0, 1)],
  ];
  for (const [name, mappings, expected, known] of cases)
    assert.deepEqual(withDefaultEmailTarget(mappings, known), expected, name);
});

test('segments picked before the fields were fetched: the editor and odp.mappings see the default', async () => {
  const client = testClient({ integrations: ['optimizely'] });
  client.artifacts[planArtifactKey] = {
    ...emptyOdpPlan(null),
    segments: { importAll: false, segments: [{ id: 'seg-1', name: 'VIP customers' }] },
  };
  client.artifacts[fieldsArtifactKey] = {
    fetchedAt: new Date().toISOString(),
    region: 'us',
    fields,
  };
  const view = planView(client, new Date());
  assert.deepEqual(view.plan.mappings, [row('email', 'last_seen_email')]);
  assert.deepEqual(
    view.issues.filter((i) => i.path.startsWith('mappings')),
    [],
  );
  const outcome = await mappingsPlanCheck.run(checkContext({ client }).ctx);
  assert.equal(outcome.status, 'pass');
});

test('no plan saved: odp.mappings judges the plan the app would start, not an empty one', async () => {
  const withFields = (known: readonly OdpField[]) => {
    const client = testClient({ integrations: ['optimizely'] });
    client.artifacts[fieldsArtifactKey] = {
      fetchedAt: new Date().toISOString(),
      region: 'us',
      fields: [...known],
    };
    return client;
  };
  // ODP's own default Email → "Last Seen Email" applies: nothing to warn about.
  const client = withFields(fields);
  const outcome = await mappingsPlanCheck.run(checkContext({ client }).ctx);
  assert.equal(outcome.status, 'pass', JSON.stringify(outcome.details));
  assert.equal(outcome.messageKey, 'checks-odp:mappings.pass');
  // The check says what the editor shows for the same client.
  assert.deepEqual(
    planView(client, new Date()).issues.filter((i) => i.path.startsWith('mappings')),
    [],
  );
  // Without a "Last Seen Email" field the default Email row has nowhere to go, as in the editor.
  const noTarget = withFields(fields.slice(0, 1));
  const missing = await mappingsPlanCheck.run(checkContext({ client: noTarget }).ctx);
  assert.equal(missing.status, 'fail');
  assert.deepEqual(
    (missing.details as { issues: Array<{ messageKey: string }> }).issues.map((i) => i.messageKey),
    planView(noTarget, new Date())
      .issues.filter((i) => i.path.startsWith('mappings'))
      .map((i) => i.messageKey),
  );
});
