import { importBundle, reviewBundle } from '../bundles/import.ts';
import type { RedactInput } from '../inputs/redaction.ts';
import { summarizeClient } from '../../shared/dashboard/overview.ts';
import { exportClient } from '../reports/export.ts';
import { chromiumPdfPrinter } from '../reports/pdf.ts';
import type { Services } from '../services.ts';
import type { Handlers } from './types.ts';

type ReportChannels = 'clients:overview' | 'reports:export' | 'bundles:inspect' | 'bundles:import';

export function reportHandlers(s: Services): Handlers<ReportChannels> {
  const { store } = s;
  const printPdf = s.printPdf ?? chromiumPdfPrinter(s.env, s.t);
  const redact: RedactInput = (clientId, inputId, value) =>
    s.secrets.redactInput(clientId, inputId, value);
  return {
    'clients:overview': async () => {
      await store.refresh();
      const { staleAfterHours } = store.settings();
      const now = Date.now();
      const rows = store.all().map((client) => summarizeClient(client, { staleAfterHours, now }));
      return { generatedAt: new Date(now).toISOString(), staleAfterHours, rows };
    },
    'reports:export': async ({ clientId, format, language }) => {
      const settings = store.settings();
      const file = await exportClient(store.get(clientId), {
        format,
        language: language ?? settings.language,
        staleAfterHours: settings.staleAfterHours,
        appVersion: s.version,
        printPdf,
      });
      const binary = format === 'pdf';
      return {
        fileName: file.fileName,
        mimeType: file.mimeType,
        encoding: binary ? 'base64' : 'utf8',
        content: binary
          ? Buffer.from(file.bytes).toString('base64')
          : new TextDecoder().decode(file.bytes),
      };
    },
    'bundles:inspect': ({ text }) => reviewBundle(store, text, { t: s.t, redact }),
    'bundles:import': async ({ text, onConflict }) => {
      // Kept secrets sent to new hosts wait for the CSM, who sees old → new on the client's page.
      const outcome = await importBundle(store, text, {
        onConflict,
        t: s.t,
        redact,
        newHosts: 'pending',
      });
      s.events.emit('client:changed', { clientId: outcome.client.id });
      return outcome;
    },
  };
}
