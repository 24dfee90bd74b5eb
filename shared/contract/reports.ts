import { z } from 'zod';
import { bundleLimits } from '../bundle/limits.ts';
import { ClientOverviewSchema } from '../dashboard/overview.ts';
import { ClientSchema, ClientNameSchema } from '../types/client.ts';
import { ClientIdSchema, IsoDateSchema, LanguageSchema } from '../types/ids.ts';
import { channel } from './define.ts';

export const exportFormats = ['json', 'html', 'md', 'pdf'] as const;
export const ExportFormatSchema = z.enum(exportFormats);

/** A bundle's text as the CSM picked it; main measures and validates it (bytes, JSON, schema …). */
const BundleText = z.string().max(bundleLimits.maxBytes * 2);

const ImportConflictSchema = z.object({
  id: ClientIdSchema,
  name: ClientNameSchema,
  match: z.enum(['id', 'name']),
  /** Translated question for the CSM. */
  message: z.string(),
});

export const reportChannels = {
  /** One summary row per client for the dashboard, computed in main. */
  'clients:overview': channel(
    z.object({}),
    z.object({
      generatedAt: IsoDateSchema,
      staleAfterHours: z.number(),
      rows: z.array(ClientOverviewSchema),
    }),
  ),
  /** A client as a file: the JSON bundle, or the checklist report in one of the five languages. */
  'reports:export': channel(
    z.object({
      clientId: ClientIdSchema,
      format: ExportFormatSchema,
      language: LanguageSchema.optional(),
    }),
    z.object({
      fileName: z.string(),
      mimeType: z.string(),
      /** PDF travels as base64, the text formats as they are. */
      encoding: z.enum(['utf8', 'base64']),
      content: z.string(),
    }),
  ),
  /**
   * Validates a bundle without changing anything: what it holds (as a client, for a read-only
   * review; its id is the bundle's own or a placeholder) and which existing client it would replace.
   */
  'bundles:inspect': channel(
    z.object({ text: BundleText }),
    z.object({
      client: ClientSchema,
      exportedAt: IsoDateSchema.nullable(),
      conflict: ImportConflictSchema.nullable(),
    }),
  ),
  /** Imports a bundle; with a conflict, `ask` refuses (CONFLICT) until the CSM chose. */
  'bundles:import': channel(
    z.object({ text: BundleText, onConflict: z.enum(['ask', 'replace', 'new']) }),
    z.object({ client: ClientSchema, replaced: z.boolean() }),
  ),
};
