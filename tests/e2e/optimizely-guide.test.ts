import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Locator, Page } from 'playwright-core';
import { ClientStore } from '../../main/store/client-store.ts';
import { storeFileName } from '../../main/store/paths.ts';
import { optimizelyGuide } from '../../shared/integrations/optimizely/guide.ts';
import { createI18n } from '../../shared/i18n/index.ts';
import type { CheckResult } from '../../shared/types/checks.ts';
import { startBrazeFake, type BrazeFake } from '../support/braze-fake.ts';
import { documentedOdpKeyPermissions } from '../support/braze-reference.ts';
import { startAppInChromium, type AppInChromium } from '../support/app-in-chromium.ts';
import { LeakLog, type Canary } from '../support/canary.ts';
import { assertAccessible } from '../support/chromium.ts';
import {
  assertVerdict,
  clickRunStep,
  createClient,
  fillInput,
  openStep as openGuideStep,
  screenshotDir,
  screenshotStep,
  setSecret,
  tickAll as tickAllAs,
  waitForHome,
  waitForStepIdle,
  waitForValue,
} from '../support/guide-page.ts';
import { startOdpFake, type OdpFake } from '../support/odp-fake.ts';
import { pageText, received } from '../support/traffic.ts';

// The whole Optimizely guide in browser mode (a real `partner-setup ui --allow-insecure-loopback`
// process under a real keyring, Debian's Chromium), against the Braze fake and the ODP fake. Every
// value and secret is entered through the UI, every check is started from the UI.

const en = createI18n('en').t;
const csmName = 'Dana Moreau';
const clientName = 'Acme Retail';
/** Generous: two shared cores, a Chromium and the app all run at once. */
const WAIT_MS = 30_000;
/**
 * The app's computer runs on UTC at 23:05, when it is already the next day in Paris, where the
 * CSM schedules the activation: the hour at which a start date taken from UTC's today was
 * reported as "in the past". Pinned, so the verdict never depends on when the test runs.
 */
const clock = { startsAt: new Date('2026-12-07T23:05:00Z'), timeZone: 'UTC' };
const SEGMENTS = 340;
const segmentNames = ['VIP customers', 'Lapsed buyers', 'Newsletter readers'];

// Secrets are random canaries: if one reaches the DOM or a response, the test says which.
const secrets = {
  brazeKey: `canary-braze-${randomBytes(16).toString('hex')}`,
  // A private ODP key is `<tracker id>.<secret>`; no `-eu1`/`-au1` suffix, so region US.
  odpKey: `trkcanary${randomBytes(3).toString('hex')}.${randomBytes(18).toString('base64url')}`,
  currentsToken: randomBytes(24).toString('base64url'),
};
const canaries: Canary[] = Object.entries(secrets).map(([label, value]) => ({ label, value }));

type StepName =
  | 'prerequisites'
  | 'install'
  | 'currents'
  | 'segments'
  | 'mappings'
  | 'activation'
  | 'schedule'
  | 'troubleshooting';

const openStep = (page: Page, step: StepName): Promise<Locator> =>
  openGuideStep(page, `optimizely.${step}`);
const tickAll = (view: Locator): Promise<number> => tickAllAs(view, csmName);
const screenshot = (page: Page, step: StepName): Promise<void> =>
  screenshotStep(page, `optimizely-${step}`, { fromTop: true });

/**
 * The check results the app stored for the client, read from its store file as it is now (each
 * time afresh: a cached ClientStore could miss a write landing while it reloads).
 */
async function storedResults(home: string): Promise<Record<string, CheckResult>> {
  const file = JSON.parse(await readFile(join(home, storeFileName), 'utf8')) as {
    clients: { name: string; checkResults: Record<string, CheckResult> }[];
  };
  return file.clients.find((c) => c.name === clientName)?.checkResults ?? {};
}

/**
 * Starts the step's checks with its Run button and waits until that run is over as the CSM sees
 * it: main stored a new result for each of the step's checks (the store says so), and the step is
 * idle again (no live state, the Run button back) with every row showing the status stored.
 */
async function runStepChecks(view: Locator, home: string): Promise<void> {
  const stepId = await view.getAttribute('data-step-id');
  const checkIds = optimizelyGuide.steps.find((step) => step.id === stepId)?.checks ?? [];
  assert.ok(checkIds.length > 0, 'the step has checks');
  // Results are told apart by the app's own timestamps: its clock is pinned, not this process's.
  const before = await storedResults(home);
  const earlier = checkIds.map((id) => before[id]?.at ?? '');
  await clickRunStep(view);
  const deadline = Date.now() + WAIT_MS;
  let stored: (CheckResult | undefined)[] = [];
  for (;;) {
    const results = await storedResults(home);
    stored = checkIds.map((id) => results[id]);
    if (stored.every((r, n) => r && r.at > (earlier[n] ?? ''))) break;
    assert.ok(
      Date.now() < deadline,
      `no fresh results for ${checkIds.join(', ')}: ${JSON.stringify(stored.map((r) => r?.at))}, before: ${JSON.stringify(earlier)}`,
    );
    await sleep(100);
  }
  const badges = checkIds.map((id, n) => ({
    id,
    badge: en(`app:checks.status.${stored[n]?.status}`),
  }));
  await waitForStepIdle(view, { badges, timeout: WAIT_MS });
}

void describe('the Optimizely guide in the UI, against the Braze and ODP fakes', () => {
  let dir: string;
  let braze: BrazeFake;
  let odp: OdpFake;
  let app: AppInChromium;
  /** The app's home folder: its store tells this run's results from earlier ones. */
  let home: string;

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'optimizely-e2e-'));
    home = join(dir, 'home');
    await mkdir(home);
    await mkdir(screenshotDir, { recursive: true });
    // The CSM's name is recorded with every tick; Settings is covered by the foundation test.
    const store = await ClientStore.open(home);
    await store.updateSettings({ csmName });
    [braze, odp] = await Promise.all([
      startBrazeFake({
        keys: { [secrets.brazeKey]: {} },
        segments: SEGMENTS,
        names: { segments: segmentNames },
      }),
      startOdpFake({
        keys: [{ key: secrets.odpKey, region: 'us', kind: 'private' }],
        currentsToken: secrets.currentsToken,
        rootRegion: 'us',
      }),
    ]);
    app = await startAppInChromium({
      home,
      args: ['--allow-insecure-loopback'],
      timeout: WAIT_MS,
      clock,
    });
    await waitForHome(app.page);
  });

  after(async () => {
    await app?.close();
    await Promise.all([braze?.close(), odp?.close()]);
    await rm(dir, { recursive: true, force: true });
  });

  void test(
    'a CSM walks every Optimizely step, runs its checks and plans in the UI, sees them pass; no secret leaks',
    // About 20 s on a quiet machine; each wait inside has its own bound (WAIT_MS).
    { timeout: 300_000 },
    async () => {
      const { page } = app;
      await createClient(page, clientName, ['optimizely']);
      const brazeHost = new URL(braze.url).host;
      try {
        // 1. Prerequisites: Braze instance and key, ODP key, the Currents URL and token.
        let view = await openStep(page, 'prerequisites');
        await fillInput(view, 'braze.instance', 'custom');
        await fillInput(view, 'braze.restEndpoint', braze.url);
        await setSecret(view, 'braze.apiKey', secrets.brazeKey);
        await fillInput(view, 'odp.region', 'us');
        await fillInput(view, 'odp.apiBase', odp.url);
        await setSecret(view, 'odp.apiKey', secrets.odpKey);
        await fillInput(view, 'odp.currentsUrl', odp.currentsUrl);
        await setSecret(view, 'odp.currentsToken', secrets.currentsToken);
        assert.equal(await tickAll(view), 2);
        await runStepChecks(view, home);
        await assertVerdict(
          view,
          'braze.api_key',
          'pass',
          en('checks-braze:apiKey.valid', { host: brazeHost, instance: 'custom' }),
        );
        for (const permission of documentedOdpKeyPermissions) {
          await assertVerdict(
            view,
            `braze.permission.${permission}`,
            'pass',
            en('checks-braze:permission.present', { permission }),
          );
        }
        await assertVerdict(view, 'odp.braze_key', 'pass', en('checks-odp:brazeKey.pass'));
        await assertVerdict(
          view,
          'odp.api_key',
          'pass',
          en('checks-odp:apiKey.pass.input', { region: 'US' }),
        );
        await assertAccessible(page, 'the prerequisites step with its results');
        await screenshot(page, 'prerequisites');

        // 2. Install the Braze app in ODP: the instance to type there is shown for copying.
        view = await openStep(page, 'install');
        await view.getByText('custom', { exact: true }).first().waitFor();
        assert.equal(await tickAll(view), 2);
        await screenshot(page, 'install');

        // 3. The Custom Currents export, with the live test (one empty batch) ticked.
        view = await openStep(page, 'currents');
        await view.getByText(odp.currentsUrl, { exact: true }).first().waitFor();
        await view.getByRole('checkbox', { name: en('checks:optIn.odp.currentsLive') }).check();
        assert.equal(await tickAll(view), 1);
        await runStepChecks(view, home);
        await assertVerdict(
          view,
          'odp.currents_endpoint',
          'pass',
          en('checks-odp:currents.liveAccepted', { host: new URL(odp.url).host, status: 200 }),
        );
        const batches = odp.requests.filter((r) => r.path === '/braze/currents');
        assert.equal(batches.length, 1, 'one empty batch was sent');
        assert.equal(batches[0]?.headers['braze-currents-version'], '1');
        assert.deepEqual(JSON.parse(batches[0]?.body ?? ''), { events: [] });
        await screenshot(page, 'currents');

        // 4. Segments: list Braze's segments, none chosen fails, pick two in the picker → pass.
        view = await openStep(page, 'segments');
        await runStepChecks(view, home);
        await assertVerdict(
          view,
          'braze.segments',
          'pass',
          en('checks-braze:segments.listed', { count: SEGMENTS }),
        );
        await assertVerdict(view, 'odp.segments', 'fail', en('checks-odp:segments.fail'));
        const search = view.getByRole('searchbox', { name: en('odp:ui.segments.search') });
        for (const name of segmentNames.slice(0, 2)) {
          await search.fill(name.split(' ')[0] ?? name);
          await view.getByRole('checkbox', { name, exact: true }).check();
        }
        for (const name of segmentNames.slice(0, 2))
          await view.locator('.odp-summary li').filter({ hasText: name }).first().waitFor();
        await runStepChecks(view, home);
        await assertVerdict(
          view,
          'odp.segments',
          'pass',
          en('checks-odp:segments.pass', { count: 2 }),
        );
        assert.equal(await tickAll(view), 2);
        await screenshot(page, 'segments');

        // 5. Mappings: ODP's fields are loaded; the default Email → Last Seen Email passes.
        view = await openStep(page, 'mappings');
        await runStepChecks(view, home);
        await assertVerdict(
          view,
          'odp.fields',
          'pass',
          en('checks-odp:fields.pass', { count: 8, emailField: 'last_seen_email' }),
        );
        await assertVerdict(view, 'odp.mappings', 'pass', en('checks-odp:mappings.pass'));
        const odpField = view.getByRole('combobox', {
          name: en('odp:ui.mappings.odpFieldRow', { row: 1 }),
        });
        await waitForValue(odpField, 'last_seen_email');
        assert.equal(
          await view
            .getByRole('combobox', { name: en('odp:ui.mappings.brazeFieldRow', { row: 1 }) })
            .inputValue(),
          'email',
        );
        assert.equal(await tickAll(view), 1);
        await assertAccessible(page, 'the mappings step with its results');
        await screenshot(page, 'mappings');

        // 6. Activation: a segment-enrolled campaign picked from Braze's list, two extra fields.
        view = await openStep(page, 'activation');
        await view.getByRole('button', { name: en('odp:ui.activation.start') }).click();
        await view.getByLabel(en('odp:ui.activation.segment')).fill('Active buyers');
        await view.getByLabel(en('odp:ui.activation.targetIdentifier')).fill('email');
        await view.getByRole('radio', { name: en('odp:ui.activation.to.campaign') }).check();
        await view.getByRole('button', { name: en('odp:ui.activation.pick.campaign') }).click();
        await view
          .getByRole('combobox', { name: en('odp:ui.activation.pick.campaign') })
          .selectOption({ label: 'Campaign 2' });
        assert.equal(
          await view.getByLabel(en('odp:ui.activation.targetId')).inputValue(),
          braze.knownIds.campaigns[1],
        );
        const extra = [
          ['company', '{{customer.company_name}}'],
          ['lifetime_value', '{{ customer.lifetime_value }}'],
        ] as const;
        // The plan is saved shortly after the last keystroke; its checks read the saved plan.
        const saved = page.waitForResponse(
          (r) =>
            r.url().includes(encodeURIComponent('odp:savePlan')) &&
            (r.request().postData() ?? '').includes(extra[1][1]),
        );
        for (const [n, [brazeField, value]] of extra.entries()) {
          await view.getByRole('button', { name: en('odp:ui.activation.addField') }).click();
          await view.getByLabel(en('odp:ui.activation.fieldBraze', { n: n + 1 })).fill(brazeField);
          await view.getByLabel(en('odp:ui.activation.fieldValue', { n: n + 1 })).fill(value);
        }
        await saved;
        // The answer to an earlier save (a field typed but not its value yet) may still be shown.
        await view.locator('.odp-issues').waitFor({ state: 'detached' });
        // The numbered "do this in ODP" steps sit beside the activation being planned.
        await view
          .locator('.odp-summary')
          .getByText(en('odp:summary.activation.target', { identifier: 'email' }))
          .waitFor();
        await runStepChecks(view, home);
        await assertVerdict(view, 'odp.activation', 'pass', en('checks-odp:activation.pass'));
        assert.equal(await tickAll(view), 1);
        await screenshot(page, 'activation');

        // 7. Schedule: daily at 06:30 in Paris; the next three runs are previewed while the CSM
        // types, a zone in the wrong case is named and corrected, and the step re-checks the plan.
        view = await openStep(page, 'schedule');
        await view.getByLabel(en('odp:ui.schedule.time'), { exact: true }).fill('06:30');
        const zone = view.getByLabel(en('odp:ui.schedule.timeZone'), { exact: true });
        const previewed = page.waitForResponse(
          (r) =>
            r.url().includes(encodeURIComponent('odp:previewSchedule')) &&
            (r.request().postData() ?? '').includes('"timeZone":"europe/paris"'),
        );
        await zone.fill('europe/paris');
        await previewed;
        await view
          .getByText(
            en('odp:issue.schedule.timeZoneSpelling', {
              value: 'europe/paris',
              suggestion: 'Europe/Paris',
            }),
          )
          .waitFor();
        // The step's check reads the saved plan: wait for the corrected zone to be saved.
        const corrected = page.waitForResponse(
          (r) =>
            r.url().includes(encodeURIComponent('odp:savePlan')) &&
            (r.request().postData() ?? '').includes('"timeZone":"Europe/Paris"'),
        );
        await zone.blur();
        assert.equal(await zone.inputValue(), 'Europe/Paris');
        await corrected;
        // Planned on UTC's 7 December; in Paris it is already the 8th, and the start follows.
        assert.equal(
          await view.getByLabel(en('odp:ui.schedule.startDate'), { exact: true }).inputValue(),
          '2026-12-08',
        );
        await view
          .getByText(/UTC\+0[12]:00/)
          .first()
          .waitFor();
        const runs = await view.getByTestId('next-runs').locator('li').allInnerTexts();
        assert.equal(runs.length, 3, runs.join(' | '));
        for (const run of runs) assert.match(run, /06:30/, run);
        await view
          .locator('.odp-summary')
          .getByText('Europe/Paris', { exact: false })
          .first()
          .waitFor();
        await view.locator('.odp-issues').waitFor({ state: 'detached' });
        await runStepChecks(view, home);
        await assertVerdict(view, 'odp.activation', 'pass', en('checks-odp:activation.pass'));
        assert.equal(await tickAll(view), 1);
        await screenshot(page, 'schedule');

        // 8. Troubleshooting: what to look for in ODP, ticked by hand.
        view = await openStep(page, 'troubleshooting');
        await view.getByText(en('odp:ui.troubleshooting.prefix')).waitFor();
        assert.equal(await tickAll(view), 2);
        await screenshot(page, 'troubleshooting');
      } catch (error) {
        await page.screenshot({ path: `${screenshotDir}/optimizely-failure.png`, fullPage: true });
        throw error;
      }

      const leaks = new LeakLog(canaries);
      leaks.scan(await pageText(page), 'the DOM');
      const { events, texts } = await received(app.traffic);
      assert.ok(texts.length > 20, `responses were recorded (${texts.length})`);
      assert.ok(events > 0, 'server-sent events were recorded');
      for (const { where, text } of texts) leaks.scan(text, where);
      assert.deepEqual(leaks.found, [], 'no secret reached the page');
      assert.deepEqual(app.pageErrors, []);
      assert.deepEqual(braze.sideEffects(), [], 'the Braze checks changed nothing');
      assert.deepEqual(odp.writes(), [], 'the ODP checks wrote nothing to ODP');
    },
  );
});
