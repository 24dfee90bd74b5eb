import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Locator, Page } from 'playwright-core';
import { createI18n } from '../../shared/i18n/index.ts';
import type { IntegrationId } from '../../shared/integrations/lists.ts';

// A guide step in the app as a CSM works it: open it, fill its inputs, save its secrets, tick its
// confirmations, run its checks and read their rows. Every label is the English UI text.

const en = createI18n('en').t;

/** Where the e2e tests save what the CSM saw. */
export const screenshotDir = 'test-results/screenshots';

/** Waits for the home page (the client list). */
export async function waitForHome(page: Page): Promise<void> {
  await page.getByRole('heading', { level: 1, name: en('app:home.title') }).waitFor();
}

/** Creates a client from the home page's dialog; waits until its page is open. */
export async function createClient(
  page: Page,
  name: string,
  integrations: readonly IntegrationId[],
): Promise<void> {
  await page.getByRole('button', { name: en('app:home.create') }).click();
  const dialog = page.getByRole('dialog', { name: en('app:createDialog.title') });
  await dialog.getByLabel(en('app:forms.clientName')).fill(name);
  for (const integration of integrations) {
    await dialog
      .getByRole('checkbox', { name: new RegExp(`^${en(`app:integrations.${integration}`)}`) })
      .check();
  }
  await dialog.getByRole('button', { name: en('app:createDialog.submit') }).click();
  await page.getByRole('heading', { level: 1, name }).waitFor();
}

export const stepView = (page: Page, stepId: string): Locator =>
  page.locator(`section.step-view[data-step-id="${stepId}"]`);

export const checkRow = (view: Locator, checkId: string): Locator =>
  view.locator(`.check-row[data-check-id="${checkId}"]`);

/** The field (label, control, status) around an input. */
export const fieldOf = (view: Locator, inputId: string): Locator =>
  view.locator('.field').filter({ has: view.page().locator(`[data-input-id="${inputId}"]`) });

/** Opens a step of the client on screen from the guide's navigation. */
export async function openStep(page: Page, stepId: string): Promise<Locator> {
  await page.locator(`.nav-step[data-step-id="${stepId}"]`).click();
  const view = stepView(page, stepId);
  await view.locator('h2.step-title').waitFor();
  return view;
}

/** Opens a step of any client by its address, as a bookmark would. */
export async function openClientStep(
  page: Page,
  origin: string,
  clientId: string,
  stepId: string,
): Promise<Locator> {
  await page.goto(`${origin}/#/client/${encodeURIComponent(clientId)}/${stepId}`);
  const view = stepView(page, stepId);
  await view.locator('h2.step-title').waitFor();
  return view;
}

/** Types a value and leaves the field (or picks a choice); waits until the UI says it is saved. */
export async function fillInput(view: Locator, inputId: string, value: string): Promise<void> {
  const control = view.locator(`[data-input-id="${inputId}"]`);
  const tag = await control.evaluate(
    (element: unknown) => (element as { tagName: string }).tagName,
  );
  if (tag === 'SELECT') await control.selectOption(value);
  else {
    await control.fill(value);
    await control.press('Tab');
  }
  await fieldOf(view, inputId)
    .locator('.field-status', { hasText: en('app:input.saved') })
    .waitFor();
}

/** A secret goes into its password field and to the keychain; the UI then shows only its tail. */
export async function setSecret(view: Locator, name: string, value: string): Promise<void> {
  const field = view.locator(`[data-secret="${name}"]`);
  await field.locator('input[type="password"]').fill(value);
  await field.getByRole('button', { name: en('app:secret.save') }).click();
  await field.getByText(`••••${value.slice(-4)}`).waitFor();
  await field.getByText(en('app:secret.set'), { exact: true }).waitFor();
}

/** Ticks every confirmation of the step, each then shown as confirmed by `csmName`; how many. */
export async function tickAll(view: Locator, csmName: string): Promise<number> {
  const items = view.locator('[data-confirmation-id]');
  const count = await items.count();
  for (let i = 0; i < count; i++) {
    const item = items.nth(i);
    await item.getByRole('checkbox').check();
    await item.getByText(new RegExp(`^Confirmed by ${csmName} on `)).waitFor();
  }
  return count;
}

/** The little of the DOM the in-page functions below use (this file is typed without the DOM). */
interface PageNode {
  textContent: string | null;
  querySelector(selector: string): PageNode | null;
  querySelectorAll(selector: string): ArrayLike<PageNode>;
  liveSeen?: string[];
}
type Observer = new (callback: () => void) => {
  observe(target: PageNode, options: Record<string, boolean>): void;
};

/** Clicks the step's Run button. */
export async function clickRunStep(view: Locator): Promise<void> {
  await view.getByRole('button', { name: en('checks:ui.runStep') }).click();
}

/**
 * From now on, notes every live state (queued, running with progress, done) the step's rows show;
 * the function returned reads them.
 */
export async function watchLiveStates(view: Locator): Promise<() => Promise<string[]>> {
  await view.evaluate((element: unknown) => {
    const section = element as PageNode;
    const seen: string[] = [];
    const { MutationObserver } = globalThis as unknown as { MutationObserver: Observer };
    new MutationObserver(() => {
      for (const node of Array.from(section.querySelectorAll('.check-live'))) {
        const text = node.textContent ?? '';
        if (!seen.includes(text)) seen.push(text);
      }
    }).observe(section, { subtree: true, childList: true, characterData: true });
    section.liveSeen = seen;
  });
  return () => view.evaluate((element: unknown) => (element as PageNode).liveSeen ?? []);
}

/**
 * Waits until the step's run is over as the CSM sees it: no row in a live state and the Run button
 * back; also, as asked, each of `badges`' rows showing its badge, every row showing a result, and
 * (with `watchLiveStates` on) a live state having been shown first.
 */
export async function waitForStepIdle(
  view: Locator,
  until: {
    badges?: { id: string; badge: string }[];
    everyRowHasResult?: boolean;
    liveStateSeen?: boolean;
    timeout: number;
  },
): Promise<void> {
  const stepId = await view.getAttribute('data-step-id');
  await view.page().waitForFunction(
    ({ selector, label, badges, everyRowHasResult, liveStateSeen }) => {
      const { document } = globalThis as unknown as { document: PageNode };
      const section = document.querySelector(selector);
      if (!section || section.querySelector('.check-live')) return false;
      if (liveStateSeen && !section.liveSeen?.length) return false;
      const rows = Array.from(section.querySelectorAll('.check-row'));
      return (
        Array.from(section.querySelectorAll('button')).some((b) => b.textContent === label) &&
        (!everyRowHasResult || rows.every((row) => row.querySelector('.check-result') !== null)) &&
        badges.every(
          ({ id, badge }) =>
            section.querySelector(`.check-row[data-check-id="${id}"] .badge`)?.textContent ===
            badge,
        )
      );
    },
    {
      selector: `section.step-view[data-step-id="${stepId}"]`,
      label: en('checks:ui.runStep'),
      badges: until.badges ?? [],
      everyRowHasResult: until.everyRowHasResult ?? false,
      liveStateSeen: until.liveStateSeen ?? false,
    },
    { timeout: until.timeout },
  );
}

/**
 * Waits until a form control (or any value `read` returns) shows `expected`, as the CSM would
 * after a moment: a check run saves new data with the client and the panels reload it after the
 * verdicts are already on screen; a copy button writes the clipboard after its click returns.
 */
export async function waitForValue(
  source: Locator | (() => Promise<string>),
  expected: string,
): Promise<void> {
  const read = typeof source === 'function' ? source : () => source.inputValue();
  // As long as any other wait of the page (Playwright's 30 s): a busy machine reloads slowly.
  const deadline = Date.now() + 30_000;
  let shown = await read();
  while (shown !== expected && Date.now() < deadline) {
    await sleep(50);
    shown = await read();
  }
  assert.equal(shown, expected);
}

/** The row shows this status badge and exactly this translated message (or one matching). */
export async function assertVerdict(
  view: Locator,
  checkId: string,
  status: 'pass' | 'warn' | 'fail',
  message: string | RegExp,
): Promise<void> {
  const row = checkRow(view, checkId);
  await row.locator('.check-message').waitFor();
  const shown = await row.locator('.check-message').innerText();
  const badge = await row.locator('.badge').innerText();
  assert.equal(badge, en(`app:checks.status.${status}`), `${checkId}: ${badge} — ${shown}`);
  if (typeof message === 'string') assert.equal(shown, message, checkId);
  else assert.match(shown, message, checkId);
}

/**
 * Saves the page as the CSM sees it to `<screenshotDir>/<name>.png`; the page must fit the
 * window's width (no sideways scroll). `fromTop`: scrolled to the top first, as a step opens (a
 * full-page capture draws the sticky nav where the window was scrolled to).
 */
export async function screenshotStep(
  page: Page,
  name: string,
  options: { fromTop?: boolean } = {},
): Promise<void> {
  await mkdir(screenshotDir, { recursive: true });
  if (options.fromTop) {
    await page.evaluate(() =>
      (globalThis as unknown as { scrollTo(x: number, y: number): void }).scrollTo(0, 0),
    );
  }
  await page.screenshot({ path: `${screenshotDir}/${name}.png`, fullPage: true });
  const widths = await page.evaluate(() => {
    const { document } = globalThis as unknown as {
      document: { documentElement: { scrollWidth: number; clientWidth: number } };
    };
    return {
      content: document.documentElement.scrollWidth,
      window: document.documentElement.clientWidth,
    };
  });
  assert.ok(
    widths.content <= widths.window,
    `${name} is wider than the window: ${JSON.stringify(widths)}`,
  );
}
