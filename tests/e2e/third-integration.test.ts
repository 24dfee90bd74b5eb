import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import sampleTexts from '../sample-integration/locales/guide-sample.json' with { type: 'json' };
import { createI18n } from '../../shared/i18n/index.ts';
import { openAppInChromium } from '../support/app-in-chromium.ts';
import { describeViolations, runAxe } from '../support/chromium.ts';
import {
  checkRow,
  clickRunStep,
  fillInput,
  openStep,
  setSecret,
  waitForHome,
} from '../support/guide-page.ts';
import { tempDir } from '../support/temp-dir.ts';

const run = promisify(execFile);
const register = fileURLToPath(new URL('../sample-integration/register.ts', import.meta.url));
const buildRenderer = fileURLToPath(
  new URL('../sample-integration/build-renderer.ts', import.meta.url),
);
const text = sampleTexts.en;
const en = createI18n('en').t;
const key = 'sample-key-0123456789';

test(
  'a third partner registered from its own folder is offered, guided and checked in the UI',
  { timeout: 300_000 },
  async (t) => {
    const partner = createServer((req, res) => {
      const ok = req.headers.authorization === `Bearer ${key}`;
      res.writeHead(ok ? 200 : 401, { 'content-type': 'application/json' }).end('{}');
    });
    await new Promise<void>((resolve) => partner.listen(0, '127.0.0.1', resolve));
    t.after(() => partner.close());
    const apiBase = `http://127.0.0.1:${(partner.address() as AddressInfo).port}`;

    // The renderer and the app's process, each with the sample's line added to the registries.
    const rendererDir = join(await tempDir(t), 'renderer');
    await run(process.execPath, ['--import', register, buildRenderer, rendererDir], {
      timeout: 240_000,
    });
    const { page, pageErrors } = await openAppInChromium(t, {
      home: await tempDir(t),
      env: {
        NODE_OPTIONS: `--import=${register}`,
        PARTNER_SETUP_RENDERER_DIR: rendererDir,
        PARTNER_SETUP_ALLOW_INSECURE_LOOPBACK: '1',
      },
      timeout: 60_000,
    });
    await waitForHome(page);

    // Offered beside the others, with its own label; its guide's two steps in the navigation.
    await page.getByRole('button', { name: en('app:home.create') }).click();
    const dialog = page.getByRole('dialog', { name: en('app:createDialog.title') });
    await dialog.getByLabel(en('app:forms.clientName')).fill('Sample Co');
    await dialog.getByRole('checkbox', { name: new RegExp(`^${text.title}`) }).check();
    await dialog.getByRole('button', { name: en('app:createDialog.submit') }).click();
    await page.getByRole('heading', { level: 1, name: 'Sample Co' }).waitFor();
    for (const step of ['sample.account', 'sample.golive']) {
      await page.locator(`.nav-step[data-step-id="${step}"]`).waitFor();
    }
    const view = await openStep(page, 'sample.account');
    await view.getByRole('heading', { name: text.steps.account.title }).waitFor();
    await fillInput(view, 'sample.apiBase', apiBase);
    await setSecret(view, 'sample.apiKey', key);
    await clickRunStep(view);
    await checkRow(view, 'sample.ping').getByText(text.check.accepted).waitFor();

    const violations = await runAxe(page);
    assert.equal(violations.length, 0, describeViolations(violations));
    assert.deepEqual(pageErrors, []);
  },
);
