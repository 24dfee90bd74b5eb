import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { BrowserWindow } from 'electron';
import type { PdfPrinter } from '../reports/pdf.ts';
import { pdfWindowOptions } from '../security/window-options.ts';

/**
 * In the app, reports print with Electron's own Chromium: a hidden, sandboxed window with
 * JavaScript off loads the self-contained HTML (its CSP forbids every request) and prints it.
 * The HTML goes through a file, not a `data:` URL: Chromium caps URLs at 2 MB, which a report
 * with a long chart or plan can pass. The file sits in a folder only this user can read, and
 * the folder goes as soon as the PDF is made or has failed.
 */
export const electronPdfPrinter: PdfPrinter = async (html) => {
  const folder = await mkdtemp(join(tmpdir(), 'partner-setup-report-'));
  const window = new BrowserWindow(pdfWindowOptions);
  try {
    const file = join(folder, 'report.html');
    await writeFile(file, html, { encoding: 'utf8', mode: 0o600 });
    await window.loadURL(pathToFileURL(file).href);
    const pdf = await window.webContents.printToPDF({ printBackground: true, pageSize: 'A4' });
    return new Uint8Array(pdf);
  } finally {
    window.destroy();
    await rm(folder, { recursive: true, force: true });
  }
};
