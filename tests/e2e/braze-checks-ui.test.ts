import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { test } from 'node:test';
import { createI18n } from '../../shared/i18n/index.ts';
import { startBrazeFake } from '../support/braze-fake.ts';
import { openAppInChromium } from '../support/app-in-chromium.ts';
import { checkRow, clickRunStep, openStep, screenshotDir } from '../support/guide-page.ts';
import { savedBrazeClient } from '../support/saved-client.ts';

const en = createI18n('en').t;
const key = 'ui-e2e-key-0123456789abcdef0123456789';

test(
  'in the UI, a CSM runs a step’s Braze checks, sees them live, then the stored results',
  { timeout: 180_000 },
  async (t) => {
    const fake = await startBrazeFake({
      keys: {
        [key]: {
          latencyMs: 300,
          permissions: [
            'users.track',
            'users.export.segment',
            'segments.list',
            'campaigns.trigger.send',
          ],
        },
      },
      segments: 42,
    });
    t.after(() => fake.close());
    const { home, store, client } = await savedBrazeClient(t, fake.url, key);

    const { page, pageErrors } = await openAppInChromium(t, {
      home,
      env: { PARTNER_SETUP_ALLOW_INSECURE_LOOPBACK: '1' },
    });
    await page.locator('.client-link', { hasText: 'Acme Retail' }).click();
    const view = await openStep(page, 'optimizely.prerequisites');
    await clickRunStep(view);

    // Live: the run shows states while the fake answers slowly, with a Cancel button.
    await view.getByRole('button', { name: en('checks:ui.cancel') }).waitFor();
    await mkdir(screenshotDir, { recursive: true });
    await page.screenshot({ path: `${screenshotDir}/braze-checks-running.png`, fullPage: true });

    // Done: stored results replace the live states.
    const apiKeyRow = checkRow(view, 'braze.api_key');
    await apiKeyRow
      .getByText(
        en('checks-braze:apiKey.valid', { host: new URL(fake.url).host, instance: 'custom' }),
      )
      .waitFor();
    await view.getByRole('button', { name: en('checks:ui.runStep') }).waitFor();
    await page.screenshot({ path: `${screenshotDir}/braze-checks-done.png`, fullPage: true });

    assert.deepEqual(pageErrors, []);
    assert.deepEqual(fake.sideEffects(), []);
    assert.ok(!(await page.content()).includes(key), 'the key reached the DOM');
    await store.refresh();
    assert.equal(store.get(client.id).checkResults['braze.api_key']?.status, 'pass');
  },
);
