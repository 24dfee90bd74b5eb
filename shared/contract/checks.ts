import { z } from 'zod';
import { channel } from './define.ts';
import { ClientIdSchema, ItemIdSchema } from '../types/ids.ts';

export const CheckDomainSchema = z.enum(['braze', 'jacquard', 'optimizely']);

export const InstanceAttemptSchema = z.object({
  instance: z.string(),
  restEndpoint: z.string(),
  verdict: z.enum(['accepted', 'rejected', 'inactive', 'error']),
  httpStatus: z.number().int().nullable(),
});

export const checkChannels = {
  /** Which automated checks this build implements; the rest show "not available yet". */
  'checks:catalog': channel(z.object({}), z.object({ available: z.array(ItemIdSchema) })),
  /**
   * Starts a run in the background and answers at once; progress arrives as `checks:progress`
   * events and results are stored with the client. Without `checkIds` or `domain`, every check
   * that concerns the client's integrations runs.
   */
  'checks:run': channel(
    z.object({
      clientId: ClientIdSchema,
      checkIds: z.array(ItemIdSchema).max(100).optional(),
      domain: CheckDomainSchema.optional(),
      optIns: z.array(ItemIdSchema).max(20).default([]),
      /** The UI is offline (`navigator.onLine`): checks needing the network are skipped as such. */
      offline: z.boolean().default(false),
    }),
    z.object({ runId: z.uuid(), checkIds: z.array(ItemIdSchema) }),
  ),
  'checks:cancel': channel(z.object({ runId: z.uuid() }), z.object({ cancelled: z.boolean() })),
  /** Only on the CSM's request: tries the client's Braze key on the other instances. */
  'braze:findInstance': channel(
    z.object({ clientId: ClientIdSchema }),
    z.object({ attempts: z.array(InstanceAttemptSchema) }),
  ),
};
