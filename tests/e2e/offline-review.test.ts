import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { guides } from '../../shared/guides/index.ts';
import type { Client } from '../../shared/types/client.ts';
import { ClientStore } from '../../main/store/client-store.ts';
import { startBrowserMode } from '../support/browser-mode.ts';
import { describeViolations, launchChromium, runAxe } from '../support/chromium.ts';
import { reviewClient, secretTail } from '../support/review-client.ts';
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

async function assertAccessible(page: Page, where: string): Promise<void> {
  const violations = await runAxe(page);
  assert.equal(violations.length, 0, `axe on ${where}:\n${describeViolations(violations)}`);
}

async function seed(home: string): Promise<Client> {
  const store = await ClientStore.open(home);
  await store.updateSettings({ csmName: 'Dana Moreau' });
  const source = reviewClient();
  const created = await store.create({ name: source.name, integrations: source.integrations });
  return store.update(created.id, (c) => {
    Object.assign(c, { ...source, id: created.id, createdAt: created.createdAt });
  });
}

test('offline review: dashboard, checklist, edit, export PDF/HTML/JSON, import into a fresh profile', async (t) => {
  const homeA = await tempDir(t);
  const homeB = await tempDir(t);
  const downloads = await tempDir(t);
  const client = await seed(homeA);
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
    requests.filter((url) => !url.startsWith(`${serverA.origin}/`)),
    [],
    'the app called something other than its own origin on startup',
  );
  await goOffline(page);
  await page.locator('.online-status[data-online="false"]').waitFor();

  // Dashboard: progress, failing count, stale marker; filters narrow it down.
  assert.equal(await row.getAttribute('data-failing'), '1');
  assert.equal(await row.getAttribute('data-stale'), '1');
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
  await assertAccessible(page, 'the checklist view');

  // Edit offline: tick the confirmation still open in Jacquard step 1.
  const step1 = guides.jacquard.steps[1]!;
  const open = step1.confirmations.find((c) => !client.confirmations[c.id])!;
  await page.goto(`${serverA.origin}/#/client/${client.id}/${step1.id}`);
  await goOffline(page);
  const box = page
    .locator(`section.step-view[data-step-id="${step1.id}"] input[type="checkbox"]:not(:checked)`)
    .first();
  await box.check();
  await page
    .locator(`section.step-view[data-step-id="${step1.id}"] input[type="checkbox"]:not(:checked)`)
    .waitFor({ state: 'detached' });

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

  // A colleague's fresh profile imports the bundle.
  const serverB = await startBrowserMode({ home: homeB });
  t.after(() => serverB.stop());
  const pageB = await browser.context.newPage();
  await pageB.goto(serverB.url);
  await pageB.locator('[data-import-input]').setInputFiles(bundlePath);
  const dialog = pageB.getByRole('dialog');
  await dialog.locator('[data-import-conflict="none"]').waitFor();
  await dialog.getByRole('button', { name: 'Review without importing' }).click();
  await dialog.locator('.checklist').waitFor();
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  await pageB.locator(`tr[data-client-name="${client.name}"]`).waitFor();

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
  assert.deepEqual(comparable(b), comparable(a));
  assert.ok(a.confirmations[open.id], 'the offline tick was saved');
  assert.deepEqual(b.secrets, {});
});
