import { z } from 'zod';
import { IsoDateSchema, ItemIdSchema } from './ids.ts';

export const checkStatuses = ['pass', 'warn', 'fail', 'inconclusive', 'skipped'] as const;
export const CheckStatusSchema = z.enum(checkStatuses);
export type CheckStatus = z.infer<typeof CheckStatusSchema>;

/** Parameters interpolated into a check's translated message. */
export const MessageParamsSchema = z.record(z.string(), z.union([z.string(), z.number()]));
export type MessageParams = z.infer<typeof MessageParamsSchema>;

/** Free-form, JSON-only detail a check attaches for the UI and reports (never a secret). */
export type JsonValue =
  string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export const JsonValueSchema: z.ZodType<JsonValue> = z.lazy(() =>
  z.union([
    z.string(),
    z.number(),
    z.boolean(),
    z.null(),
    z.array(JsonValueSchema),
    z.record(z.string(), JsonValueSchema),
  ]),
);

/**
 * A note the app shows under a result and that never leaves it: bundles, reports and the CLI's
 * output drop it (`shareableResult`). For what may belong to someone else, such as a folder of a
 * partner's shared bucket whose name is close to this client's.
 */
export const AppOnlyNoteSchema = z.object({
  messageKey: z.string().min(1).max(200),
  params: MessageParamsSchema,
});
export type AppOnlyNote = z.infer<typeof AppOnlyNoteSchema>;

export const CheckResultSchema = z.object({
  id: ItemIdSchema,
  status: CheckStatusSchema,
  /** i18n key (namespace:key) of the message; `params` fill it. */
  messageKey: z.string().min(1).max(200),
  params: MessageParamsSchema,
  details: JsonValueSchema.optional(),
  appOnlyNote: AppOnlyNoteSchema.optional(),
  durationMs: z.number().nonnegative(),
  at: IsoDateSchema,
});
export type CheckResult = z.infer<typeof CheckResultSchema>;
