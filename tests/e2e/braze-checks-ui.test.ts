import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { test } from 'node:test';
import { createI18n } from '../../shared/i18n/index.ts';
import { startBrazeFake } from '../support/braze-fake.ts';
import { openAppInChromium } from '../support/app-in-chromium.ts';
import {
  assertVerdict,
  checkRow,
  clickRunStep,
  openStep,
  screenshotDir,
  waitForStepIdle,
  watchLiveStates,
} from '../support/guide-page.ts';
import { watchLiveStatesByRow, type RowLiveStates } from '../support/live-states-by-row.ts';
import { savedBrazeClient } from '../support/saved-client.ts';

const en = createI18n('en').t;

/** Every row in `ids` showed "Queued" or "Running" before its result. */
function assertShownLiveFirst(seen: Record<string, RowLiveStates>, ids: readonly string[]): void {
  const liveBefore = [en('checks:state.queued'), en('checks:state.running')];
  for (const id of ids) {
    assert.ok(
      (seen[id]?.beforeResult ?? []).some((text) => liveBefore.some((s) => text.startsWith(s))),
      `${id} showed no live state before its result: ${JSON.stringify(seen[id])}`,
    );
  }
}
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
      // Three pages: after page 0 the row shows its count while pages 1 and 2 are fetched.
      segments: 250,
    });
    t.after(() => fake.close());
    const { home, store, client } = await savedBrazeClient(t, fake.url, key);

    const { page, pageErrors } = await openAppInChromium(t, {
      home,
      env: { PARTNER_SETUP_ALLOW_INSECURE_LOOPBACK: '1' },
    });
    await page.locator('.client-link', { hasText: 'Acme Retail' }).click();
    const view = await openStep(page, 'optimizely.prerequisites');
    await watchLiveStates(view);
    const liveByRow = await watchLiveStatesByRow(view);
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
    await waitForStepIdle(view, { everyRowHasResult: true, liveStateSeen: true, timeout: 60_000 });
    await page.screenshot({ path: `${screenshotDir}/braze-checks-done.png`, fullPage: true });

    const ids = await Promise.all(
      (await view.locator('.check-row').all()).map(
        async (row) => (await row.getAttribute('data-check-id')) ?? '',
      ),
    );
    // Each Braze check was shown queued or running before its result.
    const brazeRows = ids.filter((id) => id.startsWith('braze.'));
    assert.equal(brazeRows.length, 6, `Braze rows: ${brazeRows.join(', ')}`);
    assertShownLiveFirst(await liveByRow(), brazeRows);
    // The key lacks canvas.trigger.send: that row, and only that permission, fails.
    await assertVerdict(
      view,
      'braze.permission.canvas.trigger.send',
      'fail',
      /canvas\.trigger\.send/,
    );
    await assertVerdict(view, 'braze.permission.users.track', 'pass', /users\.track/);
    // The partner page's plural spelling is explained where the permission is checked.
    assert.equal(
      await checkRow(view, 'braze.permission.users.export.segment')
        .locator('.check-note')
        .innerText(),
      en('checks-braze:permission.listedAsNote'),
    );

    // The step's summary counts what its rows show.
    await store.refresh();
    const results = store.get(client.id).checkResults;
    const counts = { pass: 0, warn: 0, fail: 0, inconclusive: 0, skipped: 0 };
    for (const id of ids) {
      const status = results[id]?.status;
      if (status) counts[status]++;
    }
    assert.ok(counts.fail >= 1 && counts.pass >= 1, JSON.stringify(counts));
    assert.equal(
      await view.locator('.run-checks-summary').innerText(),
      en('checks:ui.stepSummary', { summary: en('checks:summary', counts) }),
    );

    // The segment list, on its own step, shows its progress while the later pages come in.
    const segmentsView = await openStep(page, 'optimizely.segments');
    const segmentsLive = await watchLiveStatesByRow(segmentsView);
    await clickRunStep(segmentsView);
    await waitForStepIdle(segmentsView, {
      badges: [{ id: 'braze.segments', badge: en('app:checks.status.pass') }],
      timeout: 60_000,
    });
    const segmentsSeen = await segmentsLive();
    assertShownLiveFirst(segmentsSeen, ['braze.segments']);
    const firstPage = `${en('checks:state.running')} · ${en('checks:progress.count', { done: 100 })}`;
    assert.ok(
      segmentsSeen['braze.segments']?.beforeResult.includes(firstPage),
      `segment progress not shown: ${JSON.stringify(segmentsSeen['braze.segments'])}`,
    );

    assert.deepEqual(pageErrors, []);
    assert.deepEqual(fake.sideEffects(), []);
    assert.ok(!(await page.content()).includes(key), 'the key reached the DOM');
    assert.equal(store.get(client.id).checkResults['braze.api_key']?.status, 'pass');
  },
);

test(
  'Cancel ends a run against a Braze that never answers; the last results stay as they were',
  { timeout: 120_000 },
  async (t) => {
    const hangingKey = 'ui-e2e-hanging-key-0123456789abcdef';
    const fake = await startBrazeFake({ keys: { [hangingKey]: { hang: true } } });
    t.after(() => fake.close());
    const { home, store, client } = await savedBrazeClient(t, fake.url, hangingKey);
    const earlier = {
      id: 'braze.api_key',
      status: 'pass' as const,
      messageKey: 'checks-braze:apiKey.valid',
      params: { host: new URL(fake.url).host, instance: 'custom' },
      durationMs: 120,
      at: '2026-11-20T09:00:00.000Z',
    };
    await store.update(client.id, (c) => {
      c.checkResults['braze.api_key'] = earlier;
    });

    const { page, pageErrors } = await openAppInChromium(t, {
      home,
      env: { PARTNER_SETUP_ALLOW_INSECURE_LOOPBACK: '1' },
    });
    await page.locator('.client-link', { hasText: 'Acme Retail' }).click();
    const view = await openStep(page, 'optimizely.prerequisites');
    await clickRunStep(view);
    const cancel = view.getByRole('button', { name: en('checks:ui.cancel') });
    await cancel.waitFor();
    // The requests are out and will never be answered: only Cancel can end the run.
    while (fake.requests.length === 0) await new Promise((resolve) => setTimeout(resolve, 50));
    await cancel.click();
    await waitForStepIdle(view, { timeout: 30_000 });

    await assertVerdict(
      view,
      'braze.api_key',
      'pass',
      en('checks-braze:apiKey.valid', earlier.params),
    );
    assert.equal(
      await checkRow(view, 'braze.permission.users.track').locator('.check-result').count(),
      0,
    );
    assert.deepEqual(pageErrors, []);
    await store.refresh();
    // Checks that finished before the cancel (the ODP key, not entered) keep what they found.
    const braze = Object.entries(store.get(client.id).checkResults).filter(([id]) =>
      id.startsWith('braze.'),
    );
    assert.deepEqual(braze, [['braze.api_key', earlier]]);
  },
);
