import { bundleFromClient, serializeBundle } from '../../shared/bundle/convert.ts';
import type { exportFormats } from '../../shared/contract/reports.ts';
import type { Client } from '../../shared/types/client.ts';
import type { Language } from '../../shared/types/ids.ts';
import { i18nFor, type Translate } from '../translate.ts';
import { renderHtml } from './html.ts';
import { renderMarkdown } from './markdown.ts';
import { buildReportModel } from './model.ts';
import type { PdfPrinter } from './pdf.ts';

export type ExportFormat = (typeof exportFormats)[number];

export interface ExportedFile {
  fileName: string;
  mimeType: string;
  bytes: Uint8Array;
}

export interface ExportOptions {
  format: ExportFormat;
  language: Language;
  staleAfterHours: number;
  appVersion: string;
  printPdf: PdfPrinter;
  now?: Date;
}

const mimeTypes: Record<ExportFormat, string> = {
  json: 'application/json',
  html: 'text/html; charset=utf-8',
  md: 'text/markdown; charset=utf-8',
  pdf: 'application/pdf',
};

/** The language's translator, for a report in another language than the UI's. */
export const reportTranslator =
  (language: Language): Translate =>
  (key, params) =>
    i18nFor(language).t(key, params ?? {});

/** One client as a file: the JSON bundle, or the report as HTML, Markdown or PDF. */
export async function exportClient(client: Client, options: ExportOptions): Promise<ExportedFile> {
  const now = options.now ?? new Date();
  const fileName = `${fileStem(client.name)}-${now.toISOString().slice(0, 10)}.${options.format}`;
  const mimeType = mimeTypes[options.format];
  const encode = (text: string) => new TextEncoder().encode(text);
  if (options.format === 'json') {
    return {
      fileName,
      mimeType,
      bytes: encode(serializeBundle(await bundleFromClient(client, now))),
    };
  }
  const t = reportTranslator(options.language);
  const model = buildReportModel(client, {
    language: options.language,
    t,
    staleAfterHours: options.staleAfterHours,
    now,
    appVersion: options.appVersion,
  });
  if (options.format === 'md')
    return { fileName, mimeType, bytes: encode(renderMarkdown(model, t)) };
  const html = renderHtml(model, t);
  if (options.format === 'html') return { fileName, mimeType, bytes: encode(html) };
  return { fileName, mimeType, bytes: await options.printPdf(html) };
}

/** A file name any system accepts: letters and digits of any script, the rest as dashes. */
export const fileStem = (name: string): string =>
  name
    .normalize('NFC')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80) || 'client';
