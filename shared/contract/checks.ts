import { z } from 'zod';
import { channel } from './define.ts';
import { ClientIdSchema, ItemIdSchema } from '../types/ids.ts';

export const checkChannels = {
  /** Which automated checks this build implements; the rest show "not available yet". */
  'checks:catalog': channel(z.object({}), z.object({ available: z.array(ItemIdSchema) })),
  /**
   * Starts a run in the background and answers at once; progress arrives as `checks:progress`
   * events and results are stored with the client. Without `checkIds` or `only`, every check
   * that the client's guides name runs (with what they depend on).
   */
  'checks:run': channel(
    z.object({
      clientId: ClientIdSchema,
      checkIds: z.array(ItemIdSchema).max(100).optional(),
      /** An integration's id (its guide's checks, or those Braze owns) or a check id. */
      only: ItemIdSchema.optional(),
      optIns: z.array(ItemIdSchema).max(20).default([]),
      /** The UI is offline (`navigator.onLine`): checks needing the network are skipped as such. */
      offline: z.boolean().default(false),
    }),
    z.object({ runId: z.uuid(), checkIds: z.array(ItemIdSchema) }),
  ),
  'checks:cancel': channel(z.object({ runId: z.uuid() }), z.object({ cancelled: z.boolean() })),
};
