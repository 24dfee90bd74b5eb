import { writeFile } from 'node:fs/promises';
import { exportFormats } from '../../../shared/contract/reports.ts';
import { AppError } from '../../../shared/errors.ts';
import { LanguageSchema } from '../../../shared/types/ids.ts';
import { exportClient, reportTranslator, type ExportFormat } from '../../reports/export.ts';
import { chromiumPdfPrinter } from '../../reports/pdf.ts';
import { cliTranslator, parseCliArgs } from '../cli-language.ts';
import { openCliServices } from '../cli-services.ts';
import { UsageError, type Command } from '../command.ts';

export const exportCommand: Command = {
  usage: [
    'Usage: partner-setup export --client NAME [--format json|html|md|pdf] [--out FILE] [--lang xx]',
    '',
    'Writes a client as a JSON bundle (also a --client-file for "partner-setup check"), or its',
    'checklist as a report. Never includes a secret. Without --out, the file is named after the client.',
    '  --client NAME   the saved client (case-insensitive)',
    '  --format F      json (default), html, md or pdf (pdf needs Chromium or Google Chrome)',
    '  --out FILE      where to write; "-" writes to standard output',
    '  --lang xx       report language: en, fr, pt, es or de (default: the app’s language)',
  ].join('\n'),
  async run(argv, io) {
    const usageT = cliTranslator(argv);
    const { values } = parseCliArgs('export', usageT, {
      args: argv,
      options: {
        client: { type: 'string' },
        format: { type: 'string', default: 'json' },
        out: { type: 'string' },
        lang: { type: 'string' },
      },
      strict: true,
    });
    if (!values.client) throw new UsageError(usageT('cli:export.client'));
    const format = values.format as ExportFormat;
    if (!(exportFormats as readonly string[]).includes(format)) {
      throw new UsageError(
        usageT('cli:export.format', { formats: exportFormats.join(', '), value: format }),
      );
    }
    const lang = values.lang === undefined ? undefined : LanguageSchema.safeParse(values.lang);
    if (lang && !lang.success) {
      throw new UsageError(usageT('cli:lang', { value: values.lang }));
    }
    const services = await openCliServices(io);
    const settings = services.store.settings();
    const language = lang?.data ?? settings.language;
    const t = reportTranslator(language);
    const client = services.store.findByName(values.client);
    if (!client) throw new UsageError(t('reports:cli.clientNotFound', { name: values.client }));
    let file;
    try {
      file = await exportClient(client, {
        format,
        language,
        staleAfterHours: settings.staleAfterHours,
        appVersion: services.version,
        printPdf: chromiumPdfPrinter(io.env, t),
      });
    } catch (error) {
      if (error instanceof AppError) throw new UsageError(error.message);
      throw error;
    }
    if (values.out === '-') {
      io.stdout.file(file.bytes);
      return 0;
    }
    const out = values.out ?? file.fileName;
    await writeFile(out, file.bytes);
    io.stderr.lines(t('reports:cli.exported', { file: out }));
    return 0;
  },
};
