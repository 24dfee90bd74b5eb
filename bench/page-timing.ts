/**
 * Page timings in headless Chromium for the renderer benchmarks: the app's own page, served by a
 * real `partner-setup ui` process, opened in fresh tabs with the HTTP cache off (every run loads
 * and parses the bundle again, as a first start does).
 */
import type { BrowserContext, Page } from 'playwright-core';

// Run in Chromium: this file is type-checked against Node's globals, so the page's are cast (the
// page's CSP forbids passing scripts as strings).
interface PageGlobals {
  __shownAt?: number;
  __keyAt: number;
  __changedAt: number;
  performance: { now(): number };
  requestAnimationFrame(cb: () => void): void;
  MutationObserver: new (cb: () => void) => { observe(node: unknown, options: object): void };
  document: {
    addEventListener(type: string, cb: () => void, capture: boolean): void;
    querySelector(selector: string): unknown;
  };
}

/** Records the first frame (ms since navigation start) in which `selector` matches. */
function recordFirstFrame(selector: string): void {
  const g = globalThis as unknown as PageGlobals;
  const observer = new g.MutationObserver(() => {
    if (g.__shownAt !== undefined || !g.document.querySelector(selector)) return;
    g.__shownAt = -1;
    g.requestAnimationFrame(() => (g.__shownAt = g.performance.now()));
  });
  observer.observe(g.document, { childList: true, subtree: true, attributes: true });
}

function shownAt(): number {
  const at = (globalThis as unknown as PageGlobals).__shownAt;
  return at !== undefined && at >= 0 ? at : 0;
}

/**
 * Navigation start → first frame showing `selector`, in a fresh tab per run (the context already
 * holds the session cookie).
 */
export async function timeFirstRender(
  context: BrowserContext,
  url: string,
  selector: string,
  runs: number,
): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await page.addInitScript(recordFirstFrame, selector);
    await page.goto(url, { waitUntil: 'commit' });
    const handle = await page.waitForFunction(shownAt, undefined, { timeout: 30_000 });
    samples.push(await handle.jsonValue());
    await page.close();
  }
  return samples;
}

/** Records the last keydown and the first frame after each change under `selector`. */
function installKeyTimers(target: { selector: string; attributes: boolean }): void {
  const g = globalThis as unknown as PageGlobals;
  g.__keyAt = 0;
  g.__changedAt = 0;
  g.document.addEventListener('keydown', () => (g.__keyAt = g.performance.now()), true);
  const watched = g.document.querySelector(target.selector);
  new g.MutationObserver(() =>
    g.requestAnimationFrame(() => (g.__changedAt = g.performance.now())),
  ).observe(watched, {
    attributes: target.attributes,
    childList: true,
    characterData: true,
    subtree: true,
  });
}

/** The elapsed ms once the watched element changed after the last keystroke, else 0 (keep waiting). */
function elapsedSinceKey(): number {
  const g = globalThis as unknown as PageGlobals;
  return g.__changedAt > g.__keyAt ? g.__changedAt - g.__keyAt : 0;
}

/**
 * Keystroke timing for a search box: from now on the page notes each keydown and the first frame
 * after the element at `selector` changed (its text, children, and with `attributes` its attributes).
 */
export async function startKeyTimers(
  page: Page,
  selector: string,
  options: { attributes?: boolean } = {},
): Promise<void> {
  await page.evaluate(installKeyTimers, { selector, attributes: options.attributes ?? false });
}

/** Waits for the first frame after the change the last keystroke caused: keydown → that frame, in ms. */
export async function msFromKeyToChange(page: Page): Promise<number> {
  const handle = await page.waitForFunction(elapsedSinceKey);
  return handle.jsonValue();
}

export const median = (xs: readonly number[]): number =>
  [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
export const round = (x: number, digits = 0): number => Math.round(x * 10 ** digits) / 10 ** digits;
