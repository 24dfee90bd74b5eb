import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import { test } from 'node:test';
import type { Locator, Page } from 'playwright-core';
import { guides, type Guide, type Step } from '../../shared/guides/index.ts';
import { createI18n } from '../../shared/i18n/index.ts';
import { languages, type Language } from '../../shared/types/ids.ts';
import { openAppInChromium } from '../support/app-in-chromium.ts';
import { startBrowserMode } from '../support/browser-mode.ts';
import { assertAccessible } from '../support/chromium.ts';
import {
  fieldOf,
  fillInput,
  screenshotDir,
  setSecret,
  stepView,
  waitForHome,
} from '../support/guide-page.ts';
import { tempDir } from '../support/temp-dir.ts';
import { received } from '../support/traffic.ts';

const csmName = 'Dana Moreau';
const clientName = 'Acme Retail';
const noteText = 'Jacquard account seen on the kickoff call';

/** A value for every non-secret input the guides ask for; a new input must be added here. */
const inputValues: Record<string, string> = {
  'braze.instance': 'EU-01',
  'braze.restEndpoint': 'https://rest.fra-01.braze.eu',
  'jacquard.currentName': 'Acme Jacquard clicks',
  'jacquard.contactEmail': 'csm@acme.example',
  'jacquard.s3Bucket': 'phrasee-braze-currents-exports',
  'jacquard.s3Folder': 'acme-retail',
  'jacquard.s3Endpoint': 'https://s3.eu-west-1.amazonaws.com',
  'jacquard.snippets': '{% connected_content https://example.invalid/x :save jq %}\n{{ jq.line }}',
  'odp.region': 'eu',
  'odp.apiBase': 'https://api.eu1.odp.optimizely.com',
  'odp.currentsUrl': 'https://api.eu1.odp.optimizely.com/v1/braze/currents',
};

// Secrets are canaries: if either ever reaches the DOM or a response, the test says so.
const firstKey = `canary-${randomBytes(16).toString('hex')}`;
const secondKey = `canary-${randomBytes(16).toString('hex')}`;

const tr = (language: Language) => createI18n(language).t;
const en = tr('en');
const plain = (text: string) => text.replaceAll('**', '');
const gt = (guide: Guide, key: string) => plain(en(`${guide.namespace}:${key}`));

const walk: { guide: Guide; step: Step }[] = [guides.jacquard, guides.optimizely].flatMap((guide) =>
  guide.steps.map((step) => ({ guide, step })),
);
const noteTarget = walk[0]?.step.confirmations[0]?.id;

async function assertNoSecretInDom(page: Page): Promise<void> {
  const html = await page.content();
  for (const secret of [firstKey, secondKey])
    assert.ok(!html.includes(secret), 'a secret is in the DOM');
}

/** The Braze key: saved, shown only as set + tail, then replaced by a second one. */
async function setAndReplaceSecret(page: Page, view: Locator) {
  await setSecret(view, 'braze.apiKey', firstKey);
  const field = view.locator('[data-secret="braze.apiKey"]');
  assert.equal(await field.locator('input[type="password"]').count(), 0, 'the entry field is gone');
  await assertNoSecretInDom(page);

  await field.getByRole('button', { name: new RegExp(`^${en('app:secret.replace')}`) }).click();
  const entry = field.locator('input[type="password"]');
  assert.equal(await entry.inputValue(), '', 'the replace field starts empty');
  await entry.fill(secondKey);
  await entry.press('Enter');
  await field.getByText(`••••${secondKey.slice(-4)}`).waitFor();
  await assertNoSecretInDom(page);
}

/** Ticks a confirmation; the very first tick meets the "add your name" prompt and follows it. */
async function tick(page: Page, view: Locator, id: string, askedForName: { done: boolean }) {
  const item = view.locator(`[data-confirmation-id="${id}"]`);
  if (id === noteTarget) {
    await item.getByText(en('app:confirm.addNote')).click();
    await item.getByRole('textbox').fill(noteText);
  }
  await item.getByRole('checkbox').click();
  if (!askedForName.done) {
    askedForName.done = true;
    await item.getByText(en('app:confirm.needName')).waitFor();
    await item.getByRole('button', { name: en('app:confirm.openSettings') }).click();
    const dialog = page.getByRole('dialog', { name: en('app:settings.title') });
    await dialog.getByText(en('app:settings.needName')).waitFor();
    await assertAccessible(page, 'the settings dialog');
    await dialog.getByLabel(en('app:settings.csmName')).fill(csmName);
    await dialog.getByRole('button', { name: en('app:common.save') }).click();
    await dialog.waitFor({ state: 'detached' });
    await item.getByRole('checkbox').click();
  }
  await item.getByText(new RegExp(`^Confirmed by ${csmName} on `)).waitFor();
  assert.equal(await item.getByRole('checkbox').isChecked(), true);
}

async function assertChecksHonest(view: Locator, step: Step) {
  const allowed = [en('app:checks.status.notRun'), en('app:checks.status.notAvailable')];
  for (const id of step.checks) {
    const badge = view.locator(`[data-check-id="${id}"] .badge`);
    // No check has run for this client: nothing may claim a result, least of all a pass.
    assert.ok(
      allowed.includes(await badge.innerText()),
      `${id} shows "${await badge.innerText()}"`,
    );
  }
}

async function goToNext(page: Page, index: number) {
  const next = walk[index + 1];
  if (!next) return;
  const current = walk[index];
  assert.ok(current);
  const title = gt(next.guide, next.step.titleKey);
  if (index % 2 === 0) {
    // Keyboard only: the Next button, then focus lands on the new step's heading.
    const button = stepView(page, current.step.id).getByRole('button', {
      name: en('app:step.next', { title }),
    });
    await button.focus();
    await page.keyboard.press('Enter');
    await stepView(page, next.step.id).getByRole('heading', { level: 2, name: title }).waitFor();
    const focused = await page.evaluate(() => {
      type FocusedDocument = { activeElement: { textContent: string | null } | null };
      const { document } = globalThis as unknown as { document: FocusedDocument };
      return document.activeElement?.textContent ?? '';
    });
    assert.equal(focused, title, 'focus moves to the new step heading');
  } else {
    await page.locator(`.nav-step[data-step-id="${next.step.id}"]`).click();
  }
}

async function walkAndFill(page: Page) {
  const askedForName = { done: false };
  for (const [index, { guide, step }] of walk.entries()) {
    const view = stepView(page, step.id);
    await view.getByRole('heading', { level: 2, name: gt(guide, step.titleKey) }).waitFor();
    await assertChecksHonest(view, step);
    for (const input of step.inputs) {
      if (input.kind === 'secret') continue;
      const value = inputValues[input.id];
      assert.ok(value !== undefined, `the test has no value for input ${input.id}`);
      const control = view.locator(`[data-input-id="${input.id}"]`);
      // Inputs both guides share are entered once.
      if ((await control.inputValue()) === value && index > 0 && input.id.startsWith('braze.')) {
        continue;
      }
      if (input.id === 'jacquard.contactEmail') {
        await control.fill('not-an-email');
        await control.press('Tab');
        await fieldOf(view, input.id)
          .locator('.field-error', { hasText: gt(guide, 'inputs.contactEmail.invalid') })
          .waitFor();
      }
      await fillInput(view, input.id, value);
    }
    if (step.inputs.some((input) => input.kind === 'secret' && input.secret === 'braze.apiKey')) {
      if (index === 0) await setAndReplaceSecret(page, view);
      else await view.getByText(`••••${secondKey.slice(-4)}`).waitFor();
    }
    for (const confirmation of step.confirmations) {
      await tick(page, view, confirmation.id, askedForName);
    }
    const total = step.confirmations.length;
    if (total > 0) {
      await page
        .locator(`.nav-step[data-step-id="${step.id}"] .nav-step-count`)
        .getByText(`${total}/${total}`)
        .waitFor();
    }
    if (index === 0) await assertAccessible(page, 'the client page');
    await goToNext(page, index);
  }
}

/** After the restart: every value, tick, note and the secret's state, step by step. */
async function walkAndVerify(page: Page) {
  for (const { guide, step } of walk) {
    await page.locator(`.nav-step[data-step-id="${step.id}"]`).click();
    const view = stepView(page, step.id);
    await view.getByRole('heading', { level: 2, name: gt(guide, step.titleKey) }).waitFor();
    for (const input of step.inputs) {
      if (input.kind === 'secret') {
        if (input.secret === 'braze.apiKey') {
          const field = view.locator('[data-secret="braze.apiKey"]');
          await field.getByText(`••••${secondKey.slice(-4)}`).waitFor();
        }
        continue;
      }
      const control = view.locator(`[data-input-id="${input.id}"]`);
      assert.equal(await control.inputValue(), inputValues[input.id], `${input.id} after restart`);
    }
    for (const confirmation of step.confirmations) {
      const item = view.locator(`[data-confirmation-id="${confirmation.id}"]`);
      assert.equal(await item.getByRole('checkbox').isChecked(), true, confirmation.id);
      await item.getByText(new RegExp(`^Confirmed by ${csmName} on `)).waitFor();
      if (confirmation.id === noteTarget) await item.getByText(noteText).waitFor();
    }
  }
}

async function screenshotEveryLanguage(page: Page) {
  await mkdir(screenshotDir, { recursive: true });
  let current: Language = 'en';
  for (const language of languages) {
    const from = tr(current);
    await page.getByRole('button', { name: from('app:nav.settings') }).click();
    const dialog = page.getByRole('dialog', { name: from('app:settings.title') });
    await dialog
      .getByRole('combobox', { name: from('app:settings.language') })
      .selectOption(language);
    await page.locator(`html[lang="${language}"]`).waitFor();
    const to = tr(language);
    await page.getByRole('dialog', { name: to('app:settings.title') }).waitFor();
    await page.keyboard.press('Escape');
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    await page.getByRole('button', { name: to('app:nav.settings') }).waitFor();
    const first = walk[0];
    assert.ok(first);
    await page.locator(`.nav-step[data-step-id="${first.step.id}"]`).click();
    await page
      .getByRole('heading', {
        level: 2,
        name: plain(to(`${first.guide.namespace}:${first.step.titleKey}`)),
      })
      .waitFor();
    // Dashboard menus keep their English names: other languages say so beside the path.
    const note = page.locator('.step-where-note');
    if (language === 'en') assert.equal(await note.count(), 0);
    else assert.equal((await note.innerText()).trim(), `(${to('app:step.whereEnglish')})`);
    await page.screenshot({ path: `${screenshotDir}/foundation-${language}.png` });
    current = language;
  }
}

test(
  'a CSM walks both guides in browser mode; all of it survives a restart and no secret leaks',
  {
    timeout: 600_000,
  },
  async (t) => {
    assert.ok(noteTarget, 'the first step has a confirmation');
    const home = await tempDir(t);
    const app = await openAppInChromium(t, { home });
    const { page, traffic, pageErrors } = app;
    let { server } = app;
    await waitForHome(page);
    await page.getByText(en('app:home.emptyTitle')).waitFor();
    await assertAccessible(page, 'the empty home page');

    await page.getByRole('button', { name: en('app:home.create') }).click();
    const create = page.getByRole('dialog', { name: en('app:createDialog.title') });
    await create.getByLabel(en('app:forms.clientName')).fill(clientName);
    await create.getByRole('button', { name: en('app:createDialog.submit') }).click();
    await create.getByText(en('app:forms.integrationRequired')).waitFor();
    await create
      .getByRole('checkbox', { name: new RegExp(`^${en('app:integrations.jacquard')}`) })
      .check();
    await create
      .getByRole('checkbox', { name: new RegExp(`^${en('app:integrations.optimizely')}`) })
      .check();
    await create.getByRole('button', { name: en('app:createDialog.submit') }).click();
    await page.getByRole('heading', { level: 1, name: clientName }).waitFor();

    try {
      await walkAndFill(page);
    } catch (error) {
      await mkdir(screenshotDir, { recursive: true });
      await page.screenshot({ path: `${screenshotDir}/foundation-failure.png`, fullPage: true });
      throw error;
    }
    await assertNoSecretInDom(page);

    await server.stop();
    server = await startBrowserMode({ home });
    t.after(() => server.stop());
    await page.goto(server.url);
    await page.getByRole('link', { name: clientName }).waitFor();
    await assertAccessible(page, 'the home page with a client');
    await page.getByRole('link', { name: clientName }).click();
    await page.getByRole('heading', { level: 1, name: clientName }).waitFor();
    await walkAndVerify(page);
    await assertNoSecretInDom(page);
    await assertAccessible(page, 'the client page after the restart');

    await screenshotEveryLanguage(page);
    await assertNoSecretInDom(page);

    await server.stop();
    const { texts } = await received(traffic);
    assert.ok(texts.length > 20, 'responses were recorded');
    for (const { text } of texts) {
      assert.ok(
        !text.includes(firstKey) && !text.includes(secondKey),
        'a response carried a secret',
      );
    }
    assert.deepEqual(pageErrors, []);
  },
);
