import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Locator, Page } from 'playwright-core';
import { hourLabel } from '../../main/integrations/jacquard/currents/keys.ts';
import { ClientStore } from '../../main/store/client-store.ts';
import { JACQUARD_BUCKET } from '../../shared/integrations/jacquard/guide.ts';
import { createI18n } from '../../shared/i18n/index.ts';
import { startBrazeFake, type BrazeFake } from '../support/braze-fake.ts';
import { startAppInChromium, type AppInChromium } from '../support/app-in-chromium.ts';
import { assertAccessible } from '../support/chromium.ts';
import {
  assertVerdict,
  clickRunStep,
  createClient,
  fillInput,
  openStep,
  screenshotDir,
  screenshotStep,
  setSecret,
  tickAll as tickAllAs,
  waitForHome,
  waitForStepIdle,
  watchLiveStates,
} from '../support/guide-page.ts';
import { writeCurrentsLayout } from '../support/currents-layout.ts';
import { startS3TestBed, type S3TestBed } from '../support/s3-gateway.ts';
import { pageText, received, type Traffic } from '../support/traffic.ts';

// The whole Jacquard guide in browser mode (a real `partner-setup ui --allow-insecure-loopback`
// process, Debian's Chromium), against the S3 test bed (s3rver behind the SigV4 gateway, seeded
// with Currents files built from Braze's samples) and the Braze fake. Every value and secret is
// entered through the UI, every check is started from the UI.

const en = createI18n('en').t;
const csmName = 'Dana Moreau';
const EMAIL_CLICK = 'users.messages.email.Click';
/** Generous: two shared cores, a Chromium, s3rver and the app all run at once. */
const WAIT_MS = 45_000;

// Secrets are random canaries: if one reaches the DOM or a response, the test says which.
const secrets = {
  brazeKey: `canary-braze-${randomBytes(16).toString('hex')}`,
  awsKeyId: `AKIA${randomBytes(8).toString('hex').toUpperCase()}`,
  awsSecret: `canary/aws+${randomBytes(15).toString('base64url')}`,
  connectToken: `jqx_live_${randomBytes(12).toString('hex')}`,
};
/** Keys of the second client (the failing scenario). */
const leakySecrets = {
  awsKeyId: `AKIA${randomBytes(8).toString('hex').toUpperCase()}`,
  awsSecret: `canary/aws+${randomBytes(15).toString('base64url')}`,
};
const allSecrets = [...Object.values(secrets), ...Object.values(leakySecrets)];

const HOST = 'https://x.jacquard.example/v2/braze';
/** Jacquard X snippets as a CSM pastes them: one call with the client's token, its use, a pixel. */
const snippets = [
  `{% connected_content ${HOST}/subject?token=${secrets.connectToken}&u={{\${user_id} | url_param_escape}} :method get :cache_max_age 900 :save jacquard %}`,
  '{{ jacquard.subject_line | default: "Picked for you" }}',
  `<img src="${HOST}/open.gif?u={{\${user_id}}}" width="1" height="1" alt="" />`,
].join('\n');

const healthyFolder = 'acme-retail';
const leakyFolder = 'globex-mail';
/** Fresh Email Click files (redacted addresses, 20 % anonymous), in the three Avro codecs. */
const healthyBatches = [
  { hoursAgo: 0, files: 3, codec: 'null' },
  { hoursAgo: 1, files: 2, codec: 'deflate' },
  { hoursAgo: 3, files: 2, codec: 'snappy' },
  { hoursAgo: 20, files: 1, codec: 'null' },
  { hoursAgo: 40, files: 1, codec: 'deflate' },
] as const;
const EVENTS_PER_FILE = 40;
const LEAKY_FILES = 2;
const LEAKY_EVENTS_PER_FILE = 25;

const tickAll = (view: Locator): Promise<number> => tickAllAs(view, csmName);
const screenshot = (page: Page, step: string): Promise<void> =>
  screenshotStep(page, `jacquard-${step}`);

/**
 * Starts the step's checks with its Run button and waits until the run is over: every row shows
 * a stored result, none a live state any more, and the Run button is back. Returns the live
 * states (queued, running with progress, done) the rows showed meanwhile.
 */
async function runStepChecks(view: Locator): Promise<string[]> {
  const liveStates = await watchLiveStates(view);
  await clickRunStep(view);
  await waitForStepIdle(view, { everyRowHasResult: true, liveStateSeen: true, timeout: WAIT_MS });
  return liveStates();
}

/**
 * No secret in the page. The pasted snippets' textarea is left out (the CSM typed the token there
 * themselves, and it is shown back to them).
 */
async function assertNoSecretInDom(page: Page, where: string): Promise<void> {
  const dom = await pageText(page, '[data-input-id="jacquard.snippets"]');
  for (const secret of allSecrets)
    assert.ok(!dom.includes(secret), `a secret is in the DOM (${where})`);
}

/**
 * No secret in anything the page received. The pasted snippets legitimately carry the connect
 * token (the CSM typed them; they come back as the input's value), so that one exact text, as
 * JSON carries it, is taken out before looking.
 */
async function assertNoSecretReceived(traffic: Traffic): Promise<void> {
  const { events, texts } = await received(traffic);
  assert.ok(texts.length > 20, `responses were recorded (${texts.length})`);
  assert.ok(events > 0, 'server-sent events were recorded');
  const pasted = JSON.stringify(snippets).slice(1, -1);
  for (const { text } of texts) {
    const rest = text.split(pasted).join('');
    for (const secret of allSecrets)
      assert.ok(!rest.includes(secret), 'a response carried a secret');
  }
}

/** The Current step's S3 inputs and keys, as on the Braze Current form. */
async function fillS3(
  view: Locator,
  endpoint: string,
  folder: string,
  keyId: string,
  secret: string,
) {
  await fillInput(view, 'jacquard.currentName', 'Jacquard click tracking');
  await fillInput(view, 'jacquard.contactEmail', 'csm@acme.example');
  // The endpoint first: keys saved for AWS and then pointed elsewhere wait for the CSM's consent.
  await fillInput(view, 'jacquard.s3Endpoint', endpoint);
  await setSecret(view, 'jacquard.awsAccessKeyId', keyId);
  await setSecret(view, 'jacquard.awsSecretAccessKey', secret);
  await fillInput(view, 'jacquard.s3Bucket', JACQUARD_BUCKET);
  await fillInput(view, 'jacquard.s3Folder', folder);
}

void describe('the Jacquard guide in the UI, against the S3 test bed and the Braze fake', () => {
  let dir: string;
  let bed: S3TestBed;
  let braze: BrazeFake;
  let app: AppInChromium;
  const layoutNow = Date.now();

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'jacquard-e2e-'));
    const seed = join(dir, 'bucket');
    await writeCurrentsLayout(seed, {
      folder: healthyFolder,
      now: layoutNow,
      batches: healthyBatches.map((b) => ({
        type: EMAIL_CLICK,
        hoursAgo: b.hoursAgo,
        files: b.files,
        eventsPerFile: EVENTS_PER_FILE,
        codec: b.codec,
        email: 'redacted' as const,
      })),
    });
    await writeCurrentsLayout(seed, {
      folder: leakyFolder,
      now: layoutNow,
      batches: [
        {
          type: EMAIL_CLICK,
          hoursAgo: 0,
          files: LEAKY_FILES,
          eventsPerFile: LEAKY_EVENTS_PER_FILE,
          email: 'real',
        },
      ],
    });
    const home = join(dir, 'home');
    await mkdir(home);
    // The CSM's name is recorded with every tick; Settings is covered by the foundation test.
    const store = await ClientStore.open(home);
    await store.updateSettings({ csmName });
    [bed, braze] = await Promise.all([
      startS3TestBed({
        buckets: [{ name: JACQUARD_BUCKET, seedDir: seed }],
        keys: [
          { accessKeyId: secrets.awsKeyId, secretAccessKey: secrets.awsSecret },
          { accessKeyId: leakySecrets.awsKeyId, secretAccessKey: leakySecrets.awsSecret },
        ],
      }),
      startBrazeFake({ keys: { [secrets.brazeKey]: {} } }),
    ]);
    app = await startAppInChromium({
      home,
      args: ['--allow-insecure-loopback'],
      timeout: WAIT_MS,
    });
    await waitForHome(app.page);
  });

  after(async () => {
    await app?.close();
    await Promise.all([bed?.close(), braze?.close()]);
    await rm(dir, { recursive: true, force: true });
  });

  void test(
    'a CSM walks every Jacquard step, runs its checks live and sees them pass; no secret leaks',
    { timeout: 180_000 },
    async () => {
      const { page } = app;
      await createClient(page, 'Acme Retail', ['jacquard']);
      try {
        // 1. Prerequisites: the Braze instance and key, the connect token.
        let view = await openStep(page, 'jacquard.prerequisites');
        await fillInput(view, 'braze.instance', 'custom');
        await fillInput(view, 'braze.restEndpoint', braze.url);
        await setSecret(view, 'braze.apiKey', secrets.brazeKey);
        await setSecret(view, 'jacquard.connectToken', secrets.connectToken);
        await tickAll(view);
        await runStepChecks(view);
        await assertVerdict(
          view,
          'braze.api_key',
          'pass',
          en('checks-braze:apiKey.valid', { host: new URL(braze.url).host, instance: 'custom' }),
        );
        await assertVerdict(
          view,
          'jacquard.token',
          'pass',
          en('checks-jacquard:jacquard.token.ok', { length: secrets.connectToken.length }),
        );
        await screenshot(page, 'prerequisites');

        // 2. Credentials: asked for and received (nothing to verify yet).
        view = await openStep(page, 'jacquard.credentials');
        await tickAll(view);
        await screenshot(page, 'credentials');

        // 3. The Current: S3 keys, bucket, folder; the checks with "test writing" ticked.
        view = await openStep(page, 'jacquard.current');
        await fillS3(view, bed.endpoint, healthyFolder, secrets.awsKeyId, secrets.awsSecret);
        await tickAll(view);
        // The opt-in is reached from the keyboard: one Shift+Tab back from the Run button.
        await view.getByRole('button', { name: en('checks:ui.runStep') }).focus();
        await page.keyboard.press('Shift+Tab');
        const writeOptIn = view.getByRole('checkbox', { name: en('checks:optIn.s3.write') });
        const focused = await writeOptIn.evaluate((element: unknown) => {
          // Runs in the page (this file is typed without the DOM library).
          const { document } = globalThis as unknown as { document: { activeElement: unknown } };
          return element === document.activeElement;
        });
        assert.equal(focused, true, 'Shift+Tab from Run reaches the test-writing opt-in');
        await page.keyboard.press('Space');
        assert.equal(await writeOptIn.isChecked(), true);
        const live = await runStepChecks(view);
        // Live progress was shown while the audit ran ("Running · 3 of 9").
        const running = `${en('checks:state.running')} · `;
        assert.ok(
          live.some((text) => text.startsWith(running)),
          `live progress was shown: ${live.join(' | ')}`,
        );
        const newestHour = hourLabel(Math.floor(layoutNow / 3_600_000) * 3_600_000);
        const events = healthyBatches.reduce((n, b) => n + b.files * EVENTS_PER_FILE, 0);
        const anonymous = Array.from({ length: events }, (_, n) => n).filter(
          (n) => n % 100 < 20,
        ).length;
        await assertVerdict(
          view,
          's3.credentials',
          'pass',
          en('checks-jacquard:s3.credentials.ok'),
        );
        await assertVerdict(
          view,
          's3.bucket',
          'pass',
          en('checks-jacquard:s3.bucket.ok', { bucket: JACQUARD_BUCKET, region: 'us-east-1' }),
        );
        await assertVerdict(
          view,
          's3.permissions',
          'pass',
          en('checks-jacquard:s3.permissions.ok'),
        );
        await assertVerdict(
          view,
          's3.folder',
          'pass',
          en('checks-jacquard:s3.folder.ok', { folder: healthyFolder }),
        );
        await assertVerdict(
          view,
          'currents.delivery',
          'pass',
          en('checks-jacquard:currents.delivery.ok', { hour: newestHour, hours: 0 }),
        );
        await assertVerdict(
          view,
          'currents.event_types',
          'pass',
          en('checks-jacquard:currents.event_types.ok'),
        );
        await assertVerdict(
          view,
          'currents.anonymous',
          'pass',
          en('checks-jacquard:currents.anonymous.seen', { anonymous, events }),
        );
        // The 48-hour chart: one labelled image, and the same figures as a table.
        const chartTitle = en('checks-jacquard:ui.chart.title');
        const chart = view.getByRole('img', { name: chartTitle });
        await chart.waitFor();
        assert.equal(await chart.locator('rect.bar-click').count(), 48);
        await view.getByText(en('checks-jacquard:ui.chart.showTable')).click();
        const table = view.getByRole('table', {
          name: en('checks-jacquard:ui.chart.tableCaption'),
        });
        await table.waitFor();
        assert.equal(await table.locator('tbody tr').count(), 48);
        for (const batch of healthyBatches) {
          const hour = hourLabel(
            Math.floor(layoutNow / 3_600_000) * 3_600_000 - batch.hoursAgo * 3_600_000,
          );
          const row = table.getByRole('row', { name: new RegExp(`^${hour}`) });
          assert.deepEqual(
            await row.locator('td').allInnerTexts(),
            [String(batch.files), '0'],
            `files in hour ${hour}`,
          );
        }
        // Accessibility of the step with its results and chart table shown.
        await assertAccessible(page, 'the S3 step');
        await screenshot(page, 'current');
        // The write test left nothing behind: a marker was put, read back and deleted.
        const written = (await bed.requests()).filter((r) => r.action === 's3:PutObject');
        assert.ok(written.length > 0, 'the write test wrote a marker');
        const deleted = (await bed.requests()).filter(
          (r) => r.action === 's3:DeleteObject' && r.status < 300,
        );
        assert.deepEqual(
          deleted.map((r) => r.key),
          written.map((r) => r.key),
        );

        // 4. PII removed by Braze.
        view = await openStep(page, 'jacquard.pii');
        await tickAll(view);
        await runStepChecks(view);
        await assertVerdict(
          view,
          'currents.pii',
          'pass',
          en('checks-jacquard:currents.pii.redacted', {
            events,
            externalIds: events - anonymous,
            userIds: events,
          }),
        );
        await screenshot(page, 'pii');

        // 5. Connected Content: the snippets, linted, with the token masked in the preview.
        view = await openStep(page, 'jacquard.connectedContent');
        await fillInput(view, 'jacquard.snippets', snippets);
        await tickAll(view);
        await runStepChecks(view);
        await assertVerdict(
          view,
          'jacquard.snippets',
          'pass',
          en('checks-jacquard:jacquard.snippets.ok', { calls: 1 }),
        );
        const preview = view.locator('pre.snippet-preview');
        const previewText = await preview.innerText();
        assert.ok(previewText.includes(`${HOST}/subject?token=`), previewText);
        assert.ok(!previewText.includes(secrets.connectToken), 'the preview shows the token');
        await screenshot(page, 'connectedContent');
      } catch (error) {
        await page.screenshot({ path: `${screenshotDir}/jacquard-failure.png`, fullPage: true });
        throw error;
      }

      await assertNoSecretInDom(page, 'after the walk');
      await assertNoSecretReceived(app.traffic);
      assert.deepEqual(app.pageErrors, []);
      assert.deepEqual(
        braze.sideEffects(),
        [],
        'checking the Braze key changed nothing in the workspace',
      );
    },
  );

  void test(
    'real email addresses in the Current: the PII step fails with its translated message',
    { timeout: 120_000 },
    async () => {
      const { page } = app;
      // Back to the client list (the first scenario leaves the page on its client).
      const allClients = page.getByRole('button', { name: en('app:nav.allClients') });
      if (await allClients.isVisible()) await allClients.click();
      await waitForHome(page);
      await createClient(page, 'Globex', ['jacquard']);
      let view = await openStep(page, 'jacquard.current');
      await fillS3(view, bed.endpoint, leakyFolder, leakySecrets.awsKeyId, leakySecrets.awsSecret);
      view = await openStep(page, 'jacquard.pii');
      await runStepChecks(view);
      const events = LEAKY_FILES * LEAKY_EVENTS_PER_FILE;
      try {
        await assertVerdict(
          view,
          'currents.pii',
          'fail',
          en('checks-jacquard:currents.pii.emailPresent', { real: events, events }),
        );
      } catch (error) {
        // What the bucket answered tells a short sample (a lost download) from a wrong count.
        const reads = (await bed.requests()).filter((r) => r.key.startsWith(`${leakyFolder}/`));
        throw new Error(`${String(error)}\nrequests: ${JSON.stringify(reads)}`, { cause: error });
      }
      await screenshot(page, 'pii-fail');
      await assertNoSecretInDom(page, 'the failing client');
      await assertNoSecretReceived(app.traffic);
      assert.deepEqual(app.pageErrors, []);
    },
  );

  void test(
    'a folder that differs from a listed one only in capitals: the folder found is named in the app only',
    { timeout: 120_000 },
    async () => {
      const { page } = app;
      const allClients = page.getByRole('button', { name: en('app:nav.allClients') });
      if (await allClients.isVisible()) await allClients.click();
      await waitForHome(page);
      await createClient(page, 'Initech', ['jacquard']);
      const view = await openStep(page, 'jacquard.current');
      const recorded = leakyFolder.toUpperCase();
      await fillS3(view, bed.endpoint, recorded, secrets.awsKeyId, secrets.awsSecret);
      await runStepChecks(view);
      await assertVerdict(
        view,
        's3.folder',
        'warn',
        en('checks-jacquard:s3.folder.caseMismatch', { folder: recorded }),
      );
      // The exported message leaves the folder out (it may be another client's); the app names it.
      const note = view.locator('[data-check-id="s3.folder"] .check-note');
      assert.equal(
        await note.innerText(),
        en('checks-jacquard:s3.folder.nearMissNote', { found: leakyFolder }),
      );
      await screenshot(page, 'folder-near-miss');
      assert.deepEqual(app.pageErrors, []);
    },
  );
});
