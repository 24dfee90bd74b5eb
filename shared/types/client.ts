import { z } from 'zod';
import { CheckResultSchema } from './checks.ts';
import { ClientIdSchema, InputValueSchema, IsoDateSchema, ItemIdSchema } from './ids.ts';
import { IntegrationIdSchema, SecretNameSchema } from '../integrations/lists.ts';
import { ArtifactsSchema } from './artifacts.ts';
import { hasControlCharacters } from '../text/control-characters.ts';

/** A name as stored: also any name saved before names were checked for control characters. */
export const ClientNameSchema = z.string().trim().min(1).max(120);

/** Marks the issue of a name refused for its control characters, for the message that says so. */
export const controlCharactersIssue = { reason: 'controlCharacters' } as const;

/**
 * A name given now (created, renamed, duplicated, imported, in a client file): no line breaks,
 * tabs or other control characters, which would let a name fake lines or drive a terminal
 * wherever it is printed.
 */
export const NewClientNameSchema = ClientNameSchema.refine((name) => !hasControlCharacters(name), {
  params: controlCharactersIssue,
}).meta({ description: 'Client name: 1 to 120 characters, no line breaks or control characters.' });

export const ConfirmationSchema = z.object({
  by: z.string().max(120),
  at: IsoDateSchema,
  note: z.string().max(2000).optional(),
});
export type Confirmation = z.infer<typeof ConfirmationSchema>;

/**
 * A destination a secret is sent to (`shared/secret-hosts/destination.ts`): an origin, or the text
 * of an input that is no URL, so as long as an input may be.
 */
export const SecretHostSchema = z.string().min(1).max(100_000);

/**
 * What the store keeps about a secret: never the value, only when it was set, a masked tail, and
 * the host the CSM confirmed it may be sent to.
 */
export const SecretMetaSchema = z.object({
  setAt: IsoDateSchema,
  /** Last characters, shown as "••••abcd"; null when the secret is too short to show any. */
  tail: z.string().max(4).nullable(),
  /**
   * The destination (`shared/secret-hosts/`) this secret was saved or confirmed for. While the
   * client's inputs send it anywhere else, it is not used; null when no host was named yet (or the
   * app never sends this secret).
   */
  confirmedHost: SecretHostSchema.nullable(),
});
export type SecretMeta = z.infer<typeof SecretMetaSchema>;

export { InputValueSchema };

export const ClientSchema = z.object({
  id: ClientIdSchema,
  name: ClientNameSchema,
  integrations: z.array(IntegrationIdSchema).min(1),
  createdAt: IsoDateSchema,
  updatedAt: IsoDateSchema,
  inputs: z.record(ItemIdSchema, InputValueSchema),
  confirmations: z.record(ItemIdSchema, ConfirmationSchema),
  secrets: z.partialRecord(SecretNameSchema, SecretMetaSchema),
  checkResults: z.record(ItemIdSchema, CheckResultSchema),
  /** Data fetched by checks or built by plans (segments, fields, mappings …). */
  artifacts: ArtifactsSchema,
});
export type Client = z.infer<typeof ClientSchema>;

export const ClientSummarySchema = ClientSchema.pick({
  id: true,
  name: true,
  integrations: true,
  createdAt: true,
  updatedAt: true,
});
export type ClientSummary = z.infer<typeof ClientSummarySchema>;
