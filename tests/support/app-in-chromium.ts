import type { TestContext } from 'node:test';
import type { Page } from 'playwright-core';
import { startBrowserMode, type BrowserMode } from './browser-mode.ts';
import { launchChromium } from './chromium.ts';

/**
 * The app as a CSM opens it: `partner-setup ui` on `home` and a fresh headless Chromium on its
 * one-time link, both stopped when the test ends.
 */
export async function openAppInChromium(
  t: TestContext,
  options: { home: string; env?: NodeJS.ProcessEnv },
): Promise<{ server: BrowserMode; page: Page }> {
  const server = await startBrowserMode(options);
  t.after(() => server.stop());
  const browser = await launchChromium();
  t.after(() => browser.close());
  const { page } = browser;
  await page.goto(server.url);
  return { server, page };
}
