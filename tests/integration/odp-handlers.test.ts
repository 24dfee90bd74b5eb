import assert from 'node:assert/strict';
import { test, type TestContext } from 'node:test';
import { dispatch } from '../../main/handlers/dispatch.ts';
import { createHandlerTable } from '../../main/handlers/table.ts';
import { createServices } from '../../main/services.ts';
import type {
  BrazeTargetList,
  OdpPlanView,
} from '../../shared/integrations/optimizely/contract.ts';
import { defaultActivation, type OdpPlan } from '../../shared/integrations/optimizely/plan.ts';
import type { Client } from '../../shared/types/client.ts';
import { startBrazeFake } from '../support/braze-fake.ts';
import { memoryKeychain } from '../support/memory-keychain.ts';
import { tempDir } from '../support/temp-dir.ts';

/**
 * The handlers' wall clock, pinned: a plan's issues and next runs depend on the day (a start date
 * in the past, a run on a daylight-saving change), never on when the test runs.
 */
const now = new Date('2026-12-07T23:05:00Z');

async function setup(t: TestContext) {
  const services = await createServices({
    home: await tempDir(t),
    mode: 'browser',
    keychain: memoryKeychain(),
    // Plain http to the loopback Braze fake, as `--allow-insecure-loopback` allows.
    env: { ...process.env, PARTNER_SETUP_ALLOW_INSECURE_LOOPBACK: '1' },
    now: () => now,
  });
  const table = createHandlerTable(services);
  const call = async <T>(channel: string, payload: unknown): Promise<T> => {
    const result = await dispatch(table, channel, payload, services.t);
    if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
    return result.value as T;
  };
  const client = await call<Client>('clients:create', {
    name: 'Acme',
    integrations: ['optimizely'],
  });
  await services.store.update(client.id, (c) => {
    c.artifacts['odp.fields'] = {
      fetchedAt: now.toISOString(),
      region: 'eu',
      fields: [
        { name: 'lse', displayName: 'Last Seen Email', type: 'string' },
        { name: 'company_name', displayName: 'Company Name', type: 'string' },
      ],
    };
  });
  return { services, table, call, clientId: client.id };
}

test('a fresh plan maps Braze Email to "Last Seen Email" and warns no profile would be imported', async (t) => {
  const { call, clientId } = await setup(t);
  const view = await call<OdpPlanView>('odp:getPlan', { clientId });
  assert.equal(view.saved, false);
  assert.equal(view.defaultEmailField, 'lse');
  assert.deepEqual(view.plan.mappings, [
    { brazeField: 'email', brazeType: 'string', odpField: 'lse' },
  ]);
  assert.deepEqual(
    view.issues.map((i) => i.messageKey),
    ['odp:issue.segments.noneChosen'],
  );
});

test('a saved plan that no longer reads is named to the editor and left as it is', async (t) => {
  const { services, call, clientId } = await setup(t);
  const unreadable = {
    segments: { importAll: true, segments: [] },
    mappings: [{ brazeField: 'email', brazeType: 'uuid', odpField: 'lse' }],
    activation: null,
  };
  await services.store.update(clientId, (c) => {
    c.artifacts['odp.plan'] = unreadable;
  });
  const view = await call<OdpPlanView>('odp:getPlan', { clientId });
  assert.equal(view.unreadable, 'artifacts["odp.plan"].mappings[0].brazeType');
  assert.equal(view.saved, false);
  assert.deepEqual(services.store.get(clientId).artifacts['odp.plan'], unreadable);
});

test('a saved draft comes back with its issues, summary and next runs', async (t) => {
  const { call, clientId } = await setup(t);
  const plan: OdpPlan = {
    segments: { importAll: true, segments: [] },
    mappings: [{ brazeField: 'email', brazeType: 'string', odpField: 'lse' }],
    activation: {
      ...defaultActivation('America/New_York', '2026-12-08'),
      targetIdentifier: '',
      additionalFields: [{ brazeField: 'company', value: '{{customer.company}}' }],
    },
  };
  await call('odp:savePlan', { clientId, plan });
  const view = await call<OdpPlanView>('odp:getPlan', { clientId });
  assert.equal(view.saved, true);
  assert.deepEqual(view.plan.activation?.additionalFields, plan.activation?.additionalFields);
  assert.deepEqual(view.issues.map((i) => i.path).sort(), [
    'activation.additionalFields.0.value',
    'activation.enrollment.segment',
    'activation.targetIdentifier',
  ]);
  assert.equal(view.nextRuns.length, 3);
  assert.deepEqual(
    view.summary.map((s) => s.id),
    ['segments', 'mappings', 'activation'],
  );
});

test('a 21st additional field is refused with a translated message, and nothing is saved', async (t) => {
  const { services, table, clientId } = await setup(t);
  await services.store.updateSettings({ language: 'de' });
  const activation = {
    ...defaultActivation('Europe/Paris', '2030-01-01'),
    additionalFields: Array.from({ length: 21 }, (_, i) => ({ brazeField: `f${i}`, value: 'x' })),
  };
  const plan = { segments: { importAll: true, segments: [] }, mappings: [], activation };
  const result = await dispatch(table, 'odp:savePlan', { clientId, plan }, services.t);
  assert.equal(result.ok, false);
  assert.equal(!result.ok && result.error.code, 'BAD_REQUEST');
  assert.match(!result.ok ? result.error.message : '', /höchstens 20 .*entfernen Sie 1/);
  assert.equal(services.store.get(clientId).artifacts['odp.plan'], undefined);
});

test('schedule preview lists the next three runs and flags a bad time zone', async (t) => {
  const { call } = await setup(t);
  const schedule = { ...defaultActivation('Europe/Paris', '2030-03-30').schedule, time: '02:30' };
  const preview = await call<{ runs: Array<{ local: string; adjusted: string | null }> }>(
    'odp:previewSchedule',
    { schedule },
  );
  assert.deepEqual(
    preview.runs.map((r) => [r.local, r.adjusted]),
    [
      ['2030-03-30 02:30', null],
      ['2030-03-31 03:30', 'gap'],
      ['2030-04-01 02:30', null],
    ],
  );
  const bad = await call<{ issues: Array<{ messageKey: string }> }>('odp:previewSchedule', {
    schedule: { ...schedule, timeZone: 'Mars/Olympus' },
  });
  assert.deepEqual(
    bad.issues.map((i) => i.messageKey),
    ['odp:issue.schedule.badTimeZone'],
  );
});

test('schedule preview reads "today" in the schedule’s zone: at 23:05 UTC, Paris is a day ahead', async (t) => {
  const { call } = await setup(t);
  const startingOn = (date: string, timeZone: string) =>
    call<{ issues: Array<{ messageKey: string }> }>('odp:previewSchedule', {
      schedule: { ...defaultActivation(timeZone, date).schedule, time: '06:30' },
    });
  const inThePast = 'odp:issue.schedule.startInPast';
  const keys = async (date: string, timeZone: string) =>
    (await startingOn(date, timeZone)).issues.map((i) => i.messageKey);
  assert.deepEqual(await keys('2026-12-07', 'Europe/Paris'), [inThePast]);
  assert.deepEqual(await keys('2026-12-08', 'Europe/Paris'), []);
  assert.deepEqual(await keys('2026-12-07', 'America/Los_Angeles'), []);
  assert.deepEqual(await keys('2026-12-07', 'UTC'), []);
});

test('Braze campaigns and Canvases are listed for the picker when the key may list them', async (t) => {
  const { services, call, clientId } = await setup(t);
  const braze = await startBrazeFake({
    keys: {
      'lister-key-000000000001': {},
      'nolist-key-000000000002': { permissions: ['users.track', 'canvas.trigger.send'] },
    },
    names: { campaigns: ['Welcome series'], canvases: ['Onboarding'] },
  });
  t.after(() => braze.close());
  await services.store.update(clientId, (c) => {
    c.inputs['braze.instance'] = 'custom';
    c.inputs['braze.restEndpoint'] = braze.url;
  });
  const targets = (kind: 'campaigns' | 'canvases') =>
    call<{ status: string; items: Array<{ name: string }> }>('odp:brazeTargets', {
      clientId,
      kind,
    });
  assert.equal((await targets('campaigns')).status, 'unavailable', 'no Braze key yet');
  await services.keychain.set(clientId, 'braze.apiKey', 'lister-key-000000000001');
  const campaigns = await targets('campaigns');
  assert.equal(campaigns.status, 'ok');
  assert.ok(campaigns.items.some((i) => i.name === 'Welcome series'));
  assert.ok((await targets('canvases')).items.some((i) => i.name === 'Onboarding'));
  await services.keychain.set(clientId, 'braze.apiKey', 'nolist-key-000000000002');
  assert.equal((await targets('canvases')).status, 'denied');
  assert.deepEqual(braze.sideEffects(), []);
});

test('a Braze workspace with more campaigns than the picker lists says the id may have to be typed', async (t) => {
  const { services, call, clientId } = await setup(t);
  const braze = await startBrazeFake({
    keys: { 'lister-key-000000000001': {} },
    names: { campaigns: Array.from({ length: 1001 }, (_, i) => `Campaign ${i + 1}`) },
  });
  t.after(() => braze.close());
  await services.store.update(clientId, (c) => {
    c.inputs['braze.instance'] = 'custom';
    c.inputs['braze.restEndpoint'] = braze.url;
  });
  await services.keychain.set(clientId, 'braze.apiKey', 'lister-key-000000000001');
  const targets = (kind: 'campaigns' | 'canvases') =>
    call<BrazeTargetList>('odp:brazeTargets', { clientId, kind });
  const campaigns = await targets('campaigns');
  assert.equal(campaigns.status, 'ok');
  assert.equal(campaigns.items.length, 1000);
  assert.equal(campaigns.truncated, true);
  const hint = services.t('odp:ui.activation.pick.truncated', { count: campaigns.items.length });
  assert.match(hint, /first 1000 .* type its id/);
  const canvases = await targets('canvases');
  assert.equal(canvases.truncated, false, 'a short list is complete');
});
