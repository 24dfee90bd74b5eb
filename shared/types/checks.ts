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

/**
 * What a check result was computed from, so a change of any of it can be told apart from a result
 * that still holds. Recorded by the check engine; never holds a secret's value.
 */
export const CheckBasisSchema = z.object({
  /**
   * What the check read of the client, sorted: `inputs.<id>` and `artifacts.<key>`, or
   * `inputs.*` / `artifacts.*` when it read the whole record.
   */
  reads: z.array(z.string().min(1).max(300)).max(500),
  /** `sha256:<hex>` of those values as the check read them. */
  fingerprint: z.string().max(80),
  /**
   * When each secret the check used (by secret name) was saved; null when no date was known (a
   * client file's environment variables, or a bundle, which never carries secret dates).
   */
  secretsSavedAt: z.record(z.string().min(1).max(120), IsoDateSchema.nullable()),
  /** The host the check talked to; null for a check of local data. */
  endpoint: z.string().max(300).nullable(),
  /** The verdicts of the checks it built on, as it saw them. */
  dependencies: z.record(ItemIdSchema, CheckStatusSchema),
});
export type CheckBasis = z.infer<typeof CheckBasisSchema>;

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
  /** What it was computed from; absent on results stored before the app recorded it. */
  basis: CheckBasisSchema.optional(),
  /**
   * Something it was computed from changed since (an input, a secret, a result it built on): it
   * says nothing about the setup as it is now until the check runs again. Only ever `true`.
   */
  outdated: z.literal(true).optional(),
});
export type CheckResult = z.infer<typeof CheckResultSchema>;
