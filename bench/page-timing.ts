/**
 * Page timings in headless Chromium for the renderer benchmarks: the app's own page, served by a
 * real `partner-setup ui` process, opened in fresh tabs with the HTTP cache off (every run loads
 * and parses the bundle again, as a first start does).
 */
import type { BrowserContext } from 'playwright-core';

// Run in Chromium: this file is type-checked against Node's globals, so the page's are cast.
interface PageGlobals {
  __shownAt?: number;
  performance: { now(): number };
  requestAnimationFrame(cb: () => void): void;
  MutationObserver: new (cb: () => void) => { observe(node: unknown, options: object): void };
  document: { querySelector(selector: string): unknown };
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

export const median = (xs: readonly number[]): number =>
  [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
export const round = (x: number, digits = 0): number => Math.round(x * 10 ** digits) / 10 ** digits;
