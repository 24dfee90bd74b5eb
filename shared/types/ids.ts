import { z } from 'zod';

export const languages = ['en', 'fr', 'pt', 'es', 'de'] as const;
export const LanguageSchema = z.enum(languages);
export type Language = z.infer<typeof LanguageSchema>;

export const ClientIdSchema = z.uuid();
export const IsoDateSchema = z.iso.datetime({ offset: true });

/** Guide item ids (steps, inputs, confirmations, checks) are dotted lowercase words. */
export const ItemIdSchema = z
  .string()
  .min(1)
  .max(120)
  .regex(/^[a-z0-9]+([._-][a-zA-Z0-9]+)*$/);

/** A non-secret value a CSM typed into a guide input. Long inputs (snippets) fit in 100 kB. */
export const InputValueSchema = z.string().max(100_000);
