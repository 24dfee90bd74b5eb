import { access, constants } from 'node:fs/promises';
import { AppError } from '../../shared/errors.ts';
import type { Translate } from '../translate.ts';

/** Prints a self-contained HTML page to PDF bytes. Electron passes its own (printToPDF). */
export type PdfPrinter = (html: string) => Promise<Uint8Array>;

/** Where a Chromium-based browser usually lives; `PARTNER_SETUP_CHROMIUM` comes first. */
const candidates = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
];

export async function findChromium(env: NodeJS.ProcessEnv): Promise<string | null> {
  const list = env.PARTNER_SETUP_CHROMIUM ? [env.PARTNER_SETUP_CHROMIUM] : candidates;
  for (const path of list) {
    try {
      await access(path, constants.X_OK);
      return path;
    } catch {
      // not there; try the next one
    }
  }
  return null;
}

/**
 * Browser mode and the CLI print with the Chromium on this computer through playwright-core. The
 * page gets the HTML directly, JavaScript off, and every request is refused: the report needs none.
 */
export function chromiumPdfPrinter(env: NodeJS.ProcessEnv, t: Translate): PdfPrinter {
  return async (html) => {
    const executablePath = await findChromium(env);
    if (!executablePath) throw new AppError('INTERNAL', t('reports:pdf.noChromium'));
    const { chromium } = await import('playwright-core');
    const browser = await chromium.launch({
      executablePath,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
    });
    try {
      const context = await browser.newContext({ javaScriptEnabled: false, offline: true });
      await context.route('**/*', (route) => route.abort());
      const page = await context.newPage();
      await page.setContent(html, { waitUntil: 'load' });
      return await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
    } finally {
      await browser.close();
    }
  };
}
