import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import { promisify } from 'node:util';
import type { Locator, Page } from 'playwright-core';
import { startWebServer } from '../../main/web/server.ts';
import { ensureRendererBuilt } from '../../main/web/renderer-build.ts';
import { createDemoProfile } from '../../scripts/demo/profile.ts';
import { startSandbox } from '../../scripts/demo/sandbox.ts';
import { scenarios } from '../../scripts/demo/scenarios.ts';
import { createI18n } from '../../shared/i18n/index.ts';
import { assertAccessible, launchChromium } from '../support/chromium.ts';
import { checkRow, openClientStep, screenshotDir } from '../support/guide-page.ts';
import { tempDir } from '../support/temp-dir.ts';

// The bottom line as a CSM reads it, on the healthy practice client: verified after a full run;
// outdated and "Not verified" everywhere (header, sidebar, dashboard, a fresh PDF) once the Braze
// key is replaced; failing, with the 401, once the checks run again on the wrong key.

const en = createI18n('en').t;
const acme = scenarios.find((s) => s.key === 'acme');
/** Braze REST keys are 36 characters; this one the practice Braze has never issued. */
const wrongKey = '00000000-0000-4000-8000-00000000dead';
/** Generous: the full run takes seconds on a quiet machine, and this one is shared. */
const runTimeout = 300_000;

/** The checks the Braze key is read by, and those built on them. */
const brazeKeyChecks = [
  'braze.api_key',
  'braze.permission.users.track',
  'braze.permission.users.export.segment',
  'braze.permission.segments.list',
  'braze.permission.campaigns.trigger.send',
  'braze.permission.canvas.trigger.send',
  'braze.segments',
  'odp.braze_key',
  'odp.segments',
];

const headerVerdict = (page: Page): Locator =>
  page.locator('.client-verdicts [data-verdict-of="client"] [data-verdict]');

async function verdictIs(page: Page, verdict: string): Promise<void> {
  await page
    .locator(`.client-verdicts [data-verdict-of="client"] [data-verdict="${verdict}"]`)
    .waitFor({ timeout: runTimeout });
}

/** "Run all checks" from a step, as a CSM would; waits until the run's summary is shown. */
async function runAll(page: Page, origin: string, clientId: string): Promise<string> {
  const view = await openClientStep(page, origin, clientId, 'optimizely.prerequisites');
  await view.getByRole('button', { name: en('checks:ui.runClient') }).click();
  const summary = view.locator('.run-all-summary');
  await summary.getByText(/^All checks finished\. /).waitFor({ timeout: runTimeout });
  return summary.innerText();
}

/** Every check row of the client's steps that says its result is outdated. */
async function outdatedRows(page: Page, origin: string, clientId: string): Promise<string[]> {
  await page.goto(`${origin}/#/client/${clientId}/checklist`);
  await page.locator('.checklist').waitFor();
  const rows = page.locator('.checklist li[data-check-id][data-outdated="true"]');
  const ids = await rows.evaluateAll((els) =>
    els.map((el) => (el as unknown as { dataset: { checkId: string } }).dataset.checkId),
  );
  return [...new Set(ids)].sort();
}

test('verdicts: verified, then outdated and not verified after a new Braze key, then failing', async (t) => {
  assert.ok(acme);
  const sandbox = await startSandbox([acme]);
  t.after(() => sandbox.close());
  const profile = await createDemoProfile([acme], sandbox);
  t.after(() => profile.remove());
  const server = await startWebServer({
    services: profile.services,
    rendererDir: await ensureRendererBuilt(),
    port: 0,
  });
  t.after(() => server.close());
  const browser = await launchChromium();
  t.after(() => browser.close());
  const { page } = browser;
  const downloads = await tempDir(t);
  await mkdir(screenshotDir, { recursive: true });
  const clientId = profile.clients[0]?.id ?? '';
  const origin = new URL(server.url).origin;
  await page.goto(server.url);
  await page.locator(`tr[data-client-name="${acme.name}"]`).waitFor();

  // 1. Every check on the healthy client: verified, said after the run and in the header.
  const first = await runAll(page, origin, clientId);
  assert.match(first, /^All checks finished\. Verified — every check that applies passed/);
  await verdictIs(page, 'verified');
  assert.match(await headerVerdict(page).innerText(), /Steps confirmed: (\d+) of \1/);
  await page
    .locator('.nav-step[data-step-id="optimizely.prerequisites"][data-step-state="done"]')
    .waitFor();
  await assertAccessible(page, 'the client after a full run');
  await page.goto(`${origin}/#/`);
  await page.locator(`tr[data-client-name="${acme.name}"][data-verdict="verified"]`).waitFor();

  // 2. A new Braze key: what read the old one, and what was built on it, is outdated.
  const view = await openClientStep(page, origin, clientId, 'optimizely.prerequisites');
  const field = view.locator('[data-secret="braze.apiKey"]');
  await field.getByRole('button', { name: /^Replace / }).click();
  await field.locator('input[type="password"]').fill(wrongKey);
  await field.getByRole('button', { name: en('app:secret.save') }).click();
  await verdictIs(page, 'not-verified');
  assert.match(
    await headerVerdict(page).innerText(),
    new RegExp(`outdated, something they used changed since: ${brazeKeyChecks.length}\\)`),
  );
  await checkRow(view, 'braze.api_key').locator('.badge-outdated').waitFor();
  // The step's own tally no longer counts them as passed.
  assert.match(
    await view.locator('.run-checks-summary').innerText(),
    /^This step: 1 passed, .* Outdated \(not counted above\): 7\.$/,
  );
  await page
    .locator('.nav-step[data-step-id="optimizely.prerequisites"][data-step-state="notVerified"]')
    .waitFor();
  await page.screenshot({ path: join(screenshotDir, 'verdict-outdated.png'), fullPage: true });
  await assertAccessible(page, 'a step with outdated results');
  assert.deepEqual(await outdatedRows(page, origin, clientId), brazeKeyChecks.sort());
  const stored = profile.services.store.get(clientId).checkResults;
  assert.equal(stored['s3.bucket']?.outdated, undefined, 'the S3 checks never read the Braze key');
  assert.equal(stored['currents.delivery']?.outdated, undefined);
  await assertAccessible(page, 'the checklist with outdated results');

  // …on the dashboard, with its own filter…
  await page.goto(`${origin}/#/`);
  const row = page.locator(`tr[data-client-name="${acme.name}"]`);
  await row.and(page.locator('[data-verdict="not-verified"]')).waitFor();
  await page.locator('[data-dashboard-filter]').selectOption('notVerified');
  await page.locator('[data-dashboard-count="1"]').waitFor();
  await page.locator('[data-dashboard-filter]').selectOption('verified');
  await page.locator('[data-dashboard-count="0"]').waitFor();
  await page.locator('[data-dashboard-filter]').selectOption('all');
  await assertAccessible(page, 'the dashboard');

  // …and in a fresh PDF.
  await page.goto(`${origin}/#/client/${clientId}/optimizely.prerequisites`);
  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: 120_000 }),
    page.locator('button[data-export="pdf"]').click(),
  ]);
  const pdf = join(downloads, download.suggestedFilename());
  await download.saveAs(pdf);
  const text = (await promisify(execFile)('pdftotext', ['-raw', pdf, '-'])).stdout;
  assert.match(text, /Not verified — checks without a current verdict: \d+/);
  assert.doesNotMatch(text, /Verified — every check/);
  assert.ok((await readFile(pdf)).subarray(0, 5).toString() === '%PDF-');

  // 3. Run again on the wrong key: failing, with Braze's 401.
  const again = await runAll(page, origin, clientId);
  assert.match(again, /^All checks finished\. Failing — failed checks: \d+/);
  await verdictIs(page, 'failing');
  const keyRow = checkRow(
    page.locator('section.step-view[data-step-id="optimizely.prerequisites"]'),
    'braze.api_key',
  );
  await keyRow.locator('.badge-fail').waitFor();
  assert.match(await keyRow.locator('.check-message').innerText(), /401/);
  assert.deepEqual(await outdatedRows(page, origin, clientId), []);
});
