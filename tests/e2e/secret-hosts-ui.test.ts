import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Locator, Page } from 'playwright-core';
import { ClientSecrets } from '../../main/keychain/client-secrets.ts';
import { ClientStore } from '../../main/store/client-store.ts';
import { createI18n } from '../../shared/i18n/index.ts';
import { openAppInChromium } from '../support/app-in-chromium.ts';
import { assertAccessible } from '../support/chromium.ts';
import {
  checkRow,
  clickRunStep,
  fillInput,
  openStep,
  screenshotStep,
  waitForStepIdle,
  watchLiveStates,
} from '../support/guide-page.ts';
import { startRecordingHost } from '../support/recording-host.ts';
import { testKeyring } from '../support/saved-client.ts';
import { tempDir } from '../support/temp-dir.ts';

const en = createI18n('en').t;
const key = 'e2e-host-key-0123456789abcdef01234567';

/** Whether the page's focused element carries `attribute`, or has exactly `text`. */
const focused = (page: Page, attribute: string, text?: string) =>
  page.evaluate(
    ([name, label]) => {
      const { document } = globalThis as unknown as {
        document: { activeElement: { hasAttribute(n: string): boolean; textContent: string } };
      };
      const active = document.activeElement;
      return label === undefined ? active.hasAttribute(name) : active.textContent === label;
    },
    [attribute, text] as const,
  );

/** Runs the step's checks and waits until this run (not an earlier one) has ended. */
async function runStepChecks(view: Locator): Promise<void> {
  await watchLiveStates(view);
  await clickRunStep(view);
  await waitForStepIdle(view, { everyRowHasResult: true, liveStateSeen: true, timeout: 60_000 });
}

test(
  'a CSM who moves the Braze endpoint sees the key held back, reviews old → new in a dialog by keyboard, confirms, and only then is the key sent',
  { timeout: 180_000 },
  async (t) => {
    const oldHost = await startRecordingHost(t);
    const newHost = await startRecordingHost(t);
    const home = await tempDir(t);
    const store = await ClientStore.open(home);
    const { id: clientId } = await store.create({
      name: 'Acme Retail',
      integrations: ['optimizely'],
    });
    await store.update(clientId, (c) => {
      c.inputs['braze.instance'] = 'custom';
      c.inputs['braze.restEndpoint'] = oldHost.url;
    });
    const keychain = testKeyring();
    await new ClientSecrets(store, keychain).set(clientId, 'braze.apiKey', key);
    t.after(() => keychain.delete(clientId, 'braze.apiKey'));

    const { page, pageErrors } = await openAppInChromium(t, {
      home,
      env: { PARTNER_SETUP_ALLOW_INSECURE_LOOPBACK: '1' },
    });
    await page.locator('.client-link', { hasText: 'Acme Retail' }).click();
    const view = await openStep(page, 'optimizely.prerequisites');
    const banner = page.locator('[data-banner="host-changes"]');
    assert.equal(await banner.count(), 0, 'a banner before any change');

    await fillInput(view, 'braze.restEndpoint', newHost.url);
    await banner.waitFor();
    assert.match(await banner.innerText(), new RegExp(en('app:hosts.bannerTitle')));
    await screenshotStep(page, 'host-changes-banner', { fromTop: true });

    // Checks run meanwhile say which host waits, and send the key nowhere.
    await runStepChecks(view);
    assert.equal(
      await checkRow(view, 'braze.api_key').locator('.check-message').innerText(),
      en('checks:skip.unconfirmedHost', {
        secret: 'braze.apiKey',
        host: newHost.url,
        confirmed: oldHost.url,
      }),
    );
    assert.deepEqual(newHost.received, [], 'the key reached the unconfirmed host');
    assert.deepEqual(oldHost.received, [], 'the key went to the old host instead');

    // By keyboard: open the dialog, read old → new, leave with Escape, come back, confirm.
    await banner.getByRole('button', { name: en('app:hosts.review') }).focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: en('app:hosts.title') });
    await dialog.waitFor();
    const row = dialog.getByRole('row').filter({ hasText: newHost.url });
    assert.deepEqual(await row.getByRole('cell').allInnerTexts(), [oldHost.url, newHost.url]);
    assert.deepEqual(await dialog.getByRole('columnheader').allInnerTexts(), [
      en('app:hosts.secret'),
      en('app:hosts.confirmed'),
      en('app:hosts.requested'),
    ]);
    await assertAccessible(page, 'the new-hosts dialog');
    await screenshotStep(page, 'host-changes-dialog');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    assert.ok(await focused(page, 'data-host-review'), 'focus did not return to the button');
    assert.equal(await banner.count(), 1, 'closing the dialog confirmed something');

    await page.keyboard.press('Enter');
    await dialog.waitFor();
    assert.ok(await focused(page, '', en('app:hosts.notNow')), 'focus is not on "Not now"');
    await page.keyboard.press('Tab');
    assert.ok(await focused(page, '', en('app:hosts.confirm')), 'Tab did not reach the confirm');
    await page.keyboard.press('Enter');
    await page.getByText(en('app:hosts.done')).waitFor();
    await banner.waitFor({ state: 'detached' });
    await store.refresh();
    assert.equal(store.get(clientId).secrets['braze.apiKey']?.confirmedHost, newHost.url);

    await runStepChecks(view);
    assert.ok(newHost.credentials().includes(`Bearer ${key}`), 'confirmed, yet not sent');
    assert.deepEqual(oldHost.received, []);
    assert.deepEqual(pageErrors, []);
    assert.ok(!(await page.content()).includes(key), 'the key reached the DOM');
  },
);
