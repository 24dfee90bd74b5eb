import { BrowserWindow } from 'electron';
import type { PdfPrinter } from '../reports/pdf.ts';
import { pdfWindowOptions } from '../security/window-options.ts';

/**
 * In the app, reports print with Electron's own Chromium: a hidden, sandboxed window with
 * JavaScript off loads the self-contained HTML (its CSP forbids every request) and prints it.
 */
export const electronPdfPrinter: PdfPrinter = async (html) => {
  const window = new BrowserWindow(pdfWindowOptions);
  try {
    await window.loadURL(`data:text/html;charset=utf-8,${encodeURIComponent(html)}`);
    const pdf = await window.webContents.printToPDF({ printBackground: true, pageSize: 'A4' });
    return new Uint8Array(pdf);
  } finally {
    window.destroy();
  }
};
