import { z } from 'zod';
import { ClientIdSchema, ItemIdSchema } from '../types/ids.ts';
import { CheckResultSchema } from '../types/checks.ts';

/** Messages main pushes to the UI unasked. */
export const events = {
  /** A client changed outside the UI's own call (a check finished, another window, the CLI). */
  'client:changed': z.object({ clientId: ClientIdSchema }),
  /** One check of a run moved: queued → running (possibly with progress) → done (with its result). */
  'checks:progress': z.object({
    runId: z.uuid(),
    clientId: ClientIdSchema,
    checkId: ItemIdSchema,
    state: z.enum(['queued', 'running', 'done']),
    progress: z
      .object({ done: z.number(), total: z.number().nullable(), label: z.string().optional() })
      .optional(),
    /** The check waits for a host's rate limit to reset (429 with a reset), this long. */
    rateLimitWait: z.object({ host: z.string(), waitMs: z.number() }).optional(),
    result: CheckResultSchema.optional(),
  }),
  /** A run ended (all checks done, or cancelled); its results are already stored with the client. */
  'checks:finished': z.object({
    runId: z.uuid(),
    clientId: ClientIdSchema,
    cancelled: z.boolean(),
  }),
};
