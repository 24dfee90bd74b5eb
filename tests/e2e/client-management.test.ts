import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import { promisify } from 'node:util';
import { keychainService } from '../../main/keychain/secret-store.ts';
import { createServices } from '../../main/services.ts';
import { ClientStore } from '../../main/store/client-store.ts';
import { createI18n } from '../../shared/i18n/index.ts';
import { openAppInChromium } from '../support/app-in-chromium.ts';
import { describeViolations, runAxe } from '../support/chromium.ts';
import { waitForHome } from '../support/guide-page.ts';
import { tempDir } from '../support/temp-dir.ts';

const en = createI18n('en').t;
const run = promisify(execFile);

async function keychainHas(account: string): Promise<boolean> {
  try {
    await run('secret-tool', ['lookup', 'service', keychainService, 'username', account]);
    return true;
  } catch {
    return false;
  }
}

test('a damaged store is moved aside and the CSM is told where, nothing silently reset', async (t) => {
  const home = await tempDir(t);
  await writeFile(join(home, 'store.json'), '{"version": 1, "clients": [ {"name": "Acme"');
  const { page } = await openAppInChromium(t, { home });
  const banner = page.locator('[data-banner="store"]');
  await banner.waitFor();
  const text = await banner.innerText();
  assert.match(text, new RegExp(en('app:banners.storeTitle')));
  const movedTo = /moved aside to (\S+?\.json)/.exec(text)?.[1] ?? '';
  assert.equal(await readFile(movedTo, 'utf8'), '{"version": 1, "clients": [ {"name": "Acme"');
  const violations = await runAxe(page);
  assert.equal(violations.length, 0, describeViolations(violations));

  // Read and dismissed: gone now and after a restart; the moved file stays for recovery.
  await banner.getByRole('button', { name: en('app:toasts.dismiss') }).click();
  await banner.waitFor({ state: 'detached' });
  await page.reload();
  await waitForHome(page);
  assert.equal(await page.locator('[data-banner="store"]').count(), 0);
  assert.equal((await ClientStore.open(home)).issue, null);
  assert.equal(await readFile(movedTo, 'utf8'), '{"version": 1, "clients": [ {"name": "Acme"');
});

test('rename, duplicate and delete from the client list; deleting removes the keychain secrets', async (t) => {
  const home = await tempDir(t);
  // A client saved earlier, with a secret in the real keychain this test session runs.
  const seeded = await createServices({ home, mode: 'browser' });
  const acme = await seeded.store.create({ name: 'Acme Retail', integrations: ['jacquard'] });
  await seeded.secrets.set(acme.id, 'jacquard.connectToken', 'jqx-token-0123456789abcdef');

  const { server, page } = await openAppInChromium(t, { home });

  const row = (name: string) => page.locator(`tr[data-client-name="${name}"]`);
  await row('Acme Retail').waitFor();

  await page
    .getByRole('button', { name: en('app:home.actionLabels.rename', { name: 'Acme Retail' }) })
    .click();
  const rename = page.getByRole('dialog');
  await rename.getByLabel(en('app:forms.clientName')).fill('Acme Retail EU');
  await rename.getByRole('button', { name: en('app:nameDialog.submit.rename') }).click();
  await row('Acme Retail EU').waitFor();
  assert.equal(await row('Acme Retail').count(), 0);

  await page
    .getByRole('button', {
      name: en('app:home.actionLabels.duplicate', { name: 'Acme Retail EU' }),
    })
    .click();
  const duplicate = page.getByRole('dialog');
  await duplicate.getByLabel(en('app:forms.clientName')).fill('Acme Outlet');
  await duplicate.getByRole('button', { name: en('app:nameDialog.submit.duplicate') }).click();
  await row('Acme Outlet').waitFor();

  const copy = (await seeded.store.refresh(), seeded.store.findByName('Acme Outlet'));
  assert.ok(copy);
  assert.equal(
    await keychainHas(`${copy.id}/jacquard.connectToken`),
    true,
    'the copy has the secret',
  );

  await page
    .getByRole('button', { name: en('app:home.actionLabels.delete', { name: 'Acme Outlet' }) })
    .click();
  const confirm = page.getByRole('dialog', {
    name: en('app:deleteDialog.title', { name: 'Acme Outlet' }),
  });
  await confirm.getByText(en('app:deleteDialog.secrets')).waitFor();
  await confirm.getByRole('button', { name: en('app:deleteDialog.confirm') }).click();
  await page.getByText(en('app:deleteDialog.done', { name: 'Acme Outlet' })).waitFor();
  // The list renders from a deferred value, so the row may leave a frame after the notice shows.
  await row('Acme Outlet').waitFor({ state: 'detached' });
  assert.equal(await keychainHas(`${copy.id}/jacquard.connectToken`), false, 'its secret is gone');
  assert.equal(
    await keychainHas(`${acme.id}/jacquard.connectToken`),
    true,
    'the original keeps its own',
  );

  // Everything the CSM did is on disk for the next start.
  await server.stop();
  const again = await createServices({ home, mode: 'browser' });
  assert.deepEqual(
    again.store.list().map((c) => c.name),
    ['Acme Retail EU'],
  );
});

test('with no keychain the app says so and names the fix', async (t) => {
  const home = await tempDir(t);
  const { page } = await openAppInChromium(t, {
    home,
    env: { DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/bus' },
  });
  const banner = page.locator('[data-banner="keychain"]');
  await banner.waitFor();
  assert.match(await banner.innerText(), /gnome-keyring/);
  const violations = await runAxe(page);
  assert.equal(violations.length, 0, describeViolations(violations));
});

test('changing integrations adds a guide, and removing every one is refused', async (t) => {
  const home = await tempDir(t);
  const seeded = await createServices({ home, mode: 'browser' });
  await seeded.store.create({ name: 'Initech', integrations: ['jacquard'] });
  const { page } = await openAppInChromium(t, { home });
  await page.getByRole('link', { name: 'Initech' }).click();
  const nav = page.locator('nav.guide-nav');
  await nav.waitFor();
  assert.equal(await nav.getByText(en('app:integrations.optimizely')).count(), 0);

  await page.getByRole('button', { name: en('app:client.changeIntegrations') }).click();
  const dialog = page.getByRole('dialog', { name: en('app:integrationsDialog.title') });
  const jacquard = dialog.getByRole('checkbox', {
    name: new RegExp(en('app:integrations.jacquard')),
  });
  const optimizely = dialog.getByRole('checkbox', {
    name: new RegExp(en('app:integrations.optimizely')),
  });
  await jacquard.uncheck();
  await dialog.getByRole('button', { name: en('app:common.save') }).click();
  await dialog.getByText(en('app:forms.integrationRequired')).waitFor();

  await optimizely.check();
  await dialog.getByRole('button', { name: en('app:common.save') }).click();
  await dialog.waitFor({ state: 'detached' });
  await nav
    .getByText(/Optimizely/)
    .first()
    .waitFor();
  await seeded.store.refresh();
  assert.deepEqual(seeded.store.findByName('Initech')?.integrations, ['optimizely']);
});

test('the import button is reached with Tab and shows the keyboard focus', async (t) => {
  const home = await tempDir(t);
  const { page } = await openAppInChromium(t, { home });
  const input = page.locator('[data-import-input]');
  await input.waitFor({ state: 'attached' });
  const importFocused = 'document.activeElement?.matches("[data-import-input]") ?? false';
  for (let presses = 0; presses < 40 && !(await page.evaluate(importFocused)); presses++) {
    await page.keyboard.press('Tab');
  }
  assert.equal(await page.evaluate(importFocused), true, 'Tab never reached the import control');
  // The input itself is a clipped pixel; the label drawn as the button must carry the ring.
  const button = page.locator('.import-client label.button');
  const outline = await page.evaluate(`(() => {
    const style = getComputedStyle(document.querySelector('.import-client label.button'));
    return style.outlineStyle + ' ' + style.outlineWidth;
  })()`);
  assert.equal(outline, 'solid 3px');
  assert.equal(await button.innerText(), en('dashboard:import.button'));
  const box = await button.boundingBox();
  assert.ok(
    box && box.width > 40 && box.height > 16,
    `the focused button is visible: ${JSON.stringify(box)}`,
  );
});
