import { z } from 'zod';
import { LanguageSchema } from './ids.ts';

export const SettingsSchema = z.object({
  language: LanguageSchema,
  /** Signed on every manual confirmation. */
  csmName: z.string().max(120),
  /** Check results older than this are shown as stale. */
  staleAfterHours: z
    .number()
    .int()
    .min(1)
    .max(24 * 90),
});
export type Settings = z.infer<typeof SettingsSchema>;

export const defaultSettings: Settings = { language: 'en', csmName: '', staleAfterHours: 24 };
