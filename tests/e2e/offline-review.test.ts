import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { bundleLimits } from '../../shared/bundle/limits.ts';
import { bundleRefusalText } from '../../shared/bundle/problems.ts';
import { tooLargeProblem } from '../../shared/bundle/size.ts';
import { guides } from '../../shared/guides/index.ts';
import { createI18n } from '../../shared/i18n/index.ts';
import type { Client } from '../../shared/types/client.ts';
import { ClientStore } from '../../main/store/client-store.ts';
import { startBrowserMode } from '../support/browser-mode.ts';
import { describeViolations, launchChromium, runAxe } from '../support/chromium.ts';
import { secretTail, seedReviewClient, withoutSecretDates } from '../support/review-client.ts';
import { tempDir } from '../support/temp-dir.ts';

/**
 * Offline is emulated in the page: Playwright's `context.setOffline(true)` also cuts loopback, which
 * would cut the app from its own browser-mode server (in Electron, IPC is not network at all). The
 * app reads `navigator.onLine` and its events, so the test overrides the property and fires `offline`.
 */
async function goOffline(page: Page): Promise<void> {
  // A string: this file is typed for Node, the code runs in the page.
  await page.evaluate(`
    Object.defineProperty(Navigator.prototype, 'onLine', { configurable: true, get: () => false });
    window.dispatchEvent(new Event('offline'));
  `);
}

const en = createI18n('en').t;

async function assertAccessible(page: Page, where: string): Promise<void> {
  const violations = await runAxe(page);
  assert.equal(violations.length, 0, `axe on ${where}:\n${describeViolations(violations)}`);
}

/** Dates as the page formats them (its own Intl, in the UI language, "12 Mar 2026, 14:05"). */
async function pageDates(page: Page, isos: readonly string[]): Promise<Map<string, string>> {
  const formatted = await page.evaluate<string[]>(`(() => {
    const format = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short' });
    return ${JSON.stringify(isos)}.map((iso) => format.format(new Date(iso)));
  })()`);
  return new Map(isos.map((iso, i) => [iso, formatted[i]!]));
}

/** Requests that left the app's own origins (browser mode's servers). */
const foreign = (requests: readonly string[], origins: readonly string[]) =>
  requests.filter((url) => !origins.some((origin) => url.startsWith(`${origin}/`)));

test('offline review: dashboard, checklist, edit, export PDF/HTML/JSON, import into a fresh profile', async (t) => {
  const homeA = await tempDir(t);
  const homeB = await tempDir(t);
  const downloads = await tempDir(t);
  const client = await seedReviewClient(homeA, 'Dana Moreau');
  const serverA = await startBrowserMode({ home: homeA });
  t.after(() => serverA.stop());
  const browser = await launchChromium();
  t.after(() => browser.close());
  const { page } = browser;
  const requests: string[] = [];
  browser.context.on('request', (r) => requests.push(r.url()));

  await page.goto(serverA.url);
  const row = page.locator(`tr[data-client-name="${client.name}"]`);
  await row.waitFor();
  assert.deepEqual(
    foreign(requests, [serverA.origin]),
    [],
    'the app called something other than its own origin on startup',
  );
  await goOffline(page);
  await page.locator('.online-status[data-online="false"]').waitFor();

  // Dashboard: progress, failing count, stale marker; filters narrow it down.
  assert.equal(await row.getAttribute('data-failing'), '1');
  assert.equal(await row.getAttribute('data-stale'), '1');
  const apiKeyAt = client.checkResults['braze.api_key']!.at;
  assert.equal(await row.getAttribute('data-last-validated'), apiKeyAt);
  // Per integration: s3.bucket fails for Jacquard only; the 50-hour-old odp.api_key is Optimizely's.
  const jacquardCell = row.locator('td[data-integration="jacquard"]');
  const optimizelyCell = row.locator('td[data-integration="optimizely"]');
  assert.equal(await jacquardCell.getAttribute('data-failing'), '1');
  assert.equal(await optimizelyCell.getAttribute('data-failing'), '0');
  // Each cell leads with its verdict: Jacquard fails; Optimizely failed nothing but is not
  // verified (a stale result, checks never run), never "0 failing" as if it were fine.
  assert.equal(await jacquardCell.getAttribute('data-verdict'), 'failing');
  assert.match(await jacquardCell.innerText(), /Failing\s+failed checks: 1/);
  assert.equal(await optimizelyCell.getAttribute('data-verdict'), 'not-verified');
  assert.match(await optimizelyCell.innerText(), /Not verified\s+checks without a current verdict/);
  assert.match(await optimizelyCell.innerText(), /stale: 1/);
  for (const cell of [jacquardCell, optimizelyCell]) {
    assert.equal(await cell.getAttribute('data-last-validated'), apiKeyAt);
  }
  assert.equal(await jacquardCell.locator('.tag-stale').count(), 0);
  assert.equal(await optimizelyCell.locator('.tag-stale').count(), 1);
  await page.locator('[data-dashboard-filter]').selectOption('failing');
  await page.locator('[data-dashboard-count="1"]').waitFor();
  await assertAccessible(page, 'the dashboard');
  await page.locator('[data-dashboard-search]').fill('nobody');
  await page.locator('[data-dashboard-count="0"]').waitFor();
  await page.locator('[data-dashboard-search]').fill('');

  // Checklist view: who, when, note; the stale result flagged.
  await page.goto(`${serverA.origin}/#/client/${client.id}/checklist`);
  await goOffline(page);
  const checklist = page.locator('.checklist');
  await checklist.waitFor();
  await checklist
    .getByText('Note: Keys sent by <script>alert(1)</script>', { exact: false })
    .waitFor();
  await page.locator('li[data-check-id="odp.api_key"][data-stale="true"]').waitFor();
  const results = Object.values(client.checkResults);
  const ticks = Object.entries(client.confirmations);
  const dates = await pageDates(page, [...results.map((r) => r.at), ...ticks.map(([, c]) => c.at)]);
  for (const [id, tick] of ticks) {
    const meta = checklist.locator(`li[data-confirmation-id="${id}"] .checklist-meta`);
    const signed = en('dashboard:checklist.confirmedBy', {
      name: tick.by,
      date: dates.get(tick.at),
    });
    assert.equal((await meta.innerText()).replace(/^\s*—\s*/, ''), signed, id);
  }
  for (const result of results) {
    // The Braze key check sits in both guides' steps: each place says the same.
    const rows = checklist.locator(`li[data-check-id="${result.id}"]`);
    assert.ok((await rows.count()) >= 1, result.id);
    for (const row of await rows.all()) {
      const message = en(result.messageKey, result.params);
      assert.equal((await row.locator('.check-message').innerText()).trim(), message);
      const when = en('dashboard:checklist.checkedAt', { date: dates.get(result.at) });
      assert.equal((await row.locator('.checklist-meta').innerText()).trim(), when);
    }
  }
  await assertAccessible(page, 'the checklist view');

  const openStep = async (stepId: string) => {
    await page.goto(`${serverA.origin}/#/client/${client.id}/${stepId}`);
    await goOffline(page);
    const section = page.locator(`section.step-view[data-step-id="${stepId}"]`);
    await section.waitFor();
    return section;
  };

  // Edit offline: tick the confirmation still open in Jacquard step 1, with a note.
  const step1 = guides.jacquard.steps[1]!;
  const open = step1.confirmations.find((c) => !client.confirmations[c.id])!;
  const note = 'Credentials arrived by post, checked offline';
  const item = (await openStep(step1.id)).locator(`li[data-confirmation-id="${open.id}"]`);
  await item.getByText(en('app:confirm.addNote')).click();
  await item.locator('textarea').fill(note);
  await item.locator('input[type="checkbox"]').check();
  await item.locator('.confirmation-note').getByText(note).waitFor();

  // Run the S3 step's checks offline: main must hear "offline", or s3.credentials (no secret in this
  // keychain) would say "missing secret" and s3.bucket, behind it, would lose its last result.
  const current = await openStep(guides.jacquard.steps[2]!.id);
  const checkRow = (id: string) => current.locator(`li.check-row[data-check-id="${id}"]`);
  const bucketTime = await checkRow('s3.bucket').locator('.check-time').innerText();
  await current.getByRole('button', { name: en('checks:ui.runStep') }).click();
  await checkRow('s3.credentials').getByText(en('checks:skip.offline')).waitFor();
  await current.getByRole('button', { name: en('checks:ui.runStep') }).waitFor();
  assert.equal(
    await checkRow('s3.bucket').locator('.check-time').innerText(),
    bucketTime,
    'the previous result keeps its time',
  );
  assert.match(await checkRow('s3.bucket').innerText(), new RegExp(en('app:checks.status.fail')));

  // And an input of the same step.
  const folderInput = '[data-input-id="jacquard.s3Folder"]';
  const folder = current.locator(folderInput);
  await folder.fill('acme-retail-eu');
  await folder.press('Tab');
  await current
    .locator('.field')
    .filter({ has: page.locator(folderInput) })
    .getByText(en('app:input.saved'), { exact: true })
    .waitFor();

  // Exports, offline, through Blob links.
  const save = async (format: string) => {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator(`button[data-export="${format}"]`).click(),
    ]);
    const path = join(downloads, download.suggestedFilename());
    await download.saveAs(path);
    return readFile(path);
  };
  const html = (await save('html')).toString('utf8');
  assert.ok(html.includes('Acme &lt;Retail&gt; &amp; Co'));
  assert.ok(!html.includes(secretTail));
  assert.equal((await save('pdf')).subarray(0, 5).toString(), '%PDF-');
  const bundlePath = join(downloads, 'bundle.json');
  const bundle = await save('json');
  await writeFile(bundlePath, bundle);
  assert.ok(!bundle.toString('utf8').includes(secretTail));

  // The offline skip of a check that never ran did not count as a validation: the dashboard
  // asks main again (the rows on screen may still be the first visit's).
  const overview = page.waitForResponse((r) =>
    r.url().includes(encodeURIComponent('clients:overview')),
  );
  await page.goto(`${serverA.origin}/#/`);
  const answer = (await (await overview).json()) as {
    value: { rows: { name: string; lastValidatedAt: string | null }[] };
  };
  assert.equal(answer.value.rows.find((c) => c.name === client.name)?.lastValidatedAt, apiKeyAt);
  await goOffline(page);
  // The folder edited since outdated s3.bucket's failure: the client is no longer listed as
  // failing (the filter chosen above), but as not verified.
  await page.locator('[data-dashboard-count="0"]').waitFor();
  await page.locator('[data-dashboard-filter]').selectOption('notVerified');
  await row.waitFor();
  assert.equal(await row.getAttribute('data-verdict'), 'not-verified');
  assert.equal(await row.getAttribute('data-last-validated'), apiKeyAt);
  assert.equal(await jacquardCell.getAttribute('data-last-validated'), apiKeyAt);

  // A colleague's fresh profile imports the bundle.
  const serverB = await startBrowserMode({ home: homeB });
  t.after(() => serverB.stop());
  const pageB = await browser.context.newPage();
  await pageB.goto(serverB.url);

  // First a bundle changed after export and one far too large: each says why, nothing is added.
  const tampered = join(downloads, 'tampered.json');
  await writeFile(tampered, bundle.toString('utf8').replace('"acme-retail-eu"', '"elsewhere"'));
  const oversized = join(downloads, 'oversized.json');
  await writeFile(oversized, `{"pad":"${'x'.repeat(bundleLimits.maxBytes)}"}`);
  const inspections = () => requests.filter((url) => url.includes('bundles%3Ainspect')).length;
  for (const [file, problem] of [
    [tampered, { key: 'checksumMismatch', params: {} }],
    [oversized, tooLargeProblem],
  ] as const) {
    const asked = inspections();
    await pageB.locator('[data-import-input]').setInputFiles(file);
    const banner = pageB.locator('[data-import-error]');
    const message = bundleRefusalText(problem, (key, params) => en(key, params));
    await banner.getByText(message, { exact: true }).waitFor();
    assert.equal(await pageB.getByRole('dialog').count(), 0, 'no import dialog opened');
    if (file === oversized) assert.equal(inspections(), asked, 'the big file was sent to main');
  }
  assert.deepEqual((await ClientStore.open(homeB)).list(), [], 'a refused bundle added a client');

  await pageB.locator('[data-import-input]').setInputFiles(bundlePath);
  const dialog = pageB.getByRole('dialog');
  await dialog.locator('[data-import-conflict="none"]').waitFor();
  await dialog.getByRole('button', { name: en('dashboard:import.review') }).click();
  await dialog.locator('.checklist').waitFor();
  await dialog.getByRole('button', { name: en('dashboard:import.import'), exact: true }).click();
  // The imported client opens.
  await pageB.getByRole('heading', { level: 1, name: client.name }).waitFor();

  const a = (await ClientStore.open(homeA)).get(client.id);
  const storeB = await ClientStore.open(homeB);
  const b = storeB.get(storeB.list()[0]!.id);
  const comparable = (c: Client) => ({
    name: c.name,
    integrations: c.integrations,
    inputs: c.inputs,
    confirmations: c.confirmations,
    checkResults: c.checkResults,
    artifacts: c.artifacts,
  });
  // Which secrets each result used travels, but not when they were saved.
  assert.deepEqual(comparable(b), {
    ...comparable(a),
    checkResults: withoutSecretDates(a.checkResults),
  });
  assert.ok(pageB.url().includes(`#/client/${b.id}`), pageB.url());
  assert.equal(a.confirmations[open.id]?.note, note, 'the offline tick and its note were saved');
  assert.equal(a.inputs['jacquard.s3Folder'], 'acme-retail-eu', 'the offline input was saved');
  assert.equal(a.checkResults['s3.credentials']?.messageKey, 'checks:skip.offline');
  // The folder it read was edited since: the last result is kept, marked outdated.
  assert.deepEqual(a.checkResults['s3.bucket'], {
    ...client.checkResults['s3.bucket'],
    outdated: true,
  });
  assert.deepEqual(b.secrets, {});

  // After browsing, editing, ticking, running checks offline, exporting and importing: still
  // nothing but the app's own servers was asked for anything.
  assert.deepEqual(foreign(requests, [serverA.origin, serverB.origin]), []);
});
