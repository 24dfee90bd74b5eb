import type { TestContext } from 'node:test';
import type { Page } from 'playwright-core';
import { startBrowserMode, type BrowserMode } from './browser-mode.ts';
import { launchChromium } from './chromium.ts';
import { shiftClock, type PinnedClock } from './pinned-clock.ts';
import { recordTraffic, type Traffic } from './traffic.ts';

export interface AppInChromium {
  server: BrowserMode;
  page: Page;
  /** Every uncaught error of the page, from its first load on. */
  pageErrors: string[];
  /** What the page received, from its first load on. */
  traffic: Traffic;
  /** Closes the browser, then stops the server. */
  close(): Promise<void>;
}

/**
 * The app as a CSM opens it: `partner-setup ui` on `home` (with `args`) and a fresh headless
 * Chromium on its one-time link. `timeout` is the page's default for every wait; `beforeLoad`
 * prepares the page before it opens the link; `clock` pins the time and zone of both.
 */
export async function startAppInChromium(options: {
  home: string;
  env?: NodeJS.ProcessEnv;
  args?: string[];
  timeout?: number;
  beforeLoad?: (page: Page) => Promise<void>;
  clock?: PinnedClock;
}): Promise<AppInChromium> {
  const shifted = options.clock ? shiftClock(options.clock) : null;
  const server = await startBrowserMode({
    ...options,
    env: { ...options.env, ...shifted?.env },
  });
  const browser = await launchChromium(
    options.clock ? { timezoneId: options.clock.timeZone } : {},
  ).catch(async (error: unknown) => {
    await server.stop();
    throw error;
  });
  const { page } = browser;
  const app: AppInChromium = {
    server,
    page,
    pageErrors: [],
    traffic: { responses: [], events: [] },
    async close() {
      await browser.close();
      await server.stop();
    },
  };
  try {
    if (options.timeout !== undefined) page.setDefaultTimeout(options.timeout);
    page.on('pageerror', (error) => app.pageErrors.push(error.message));
    app.traffic = await recordTraffic(page);
    await shifted?.install(page);
    await options.beforeLoad?.(page);
    await page.goto(server.url);
  } catch (error) {
    await app.close();
    throw error;
  }
  return app;
}

/** `startAppInChromium`, closed when the test ends. */
export async function openAppInChromium(
  t: TestContext,
  options: Parameters<typeof startAppInChromium>[0],
): Promise<AppInChromium> {
  const app = await startAppInChromium(options);
  t.after(() => app.close());
  return app;
}
