import { z } from 'zod';
import { channel } from '../../contract/define.ts';
import { ClientIdSchema } from '../../types/ids.ts';

export const InstanceAttemptSchema = z.object({
  instance: z.string(),
  restEndpoint: z.string(),
  verdict: z.enum(['accepted', 'rejected', 'inactive', 'error']),
  httpStatus: z.number().int().nullable(),
});

export const brazeChannels = {
  /** Only on the CSM's request: tries the client's Braze key on the other instances. */
  'braze:findInstance': channel(
    z.object({ clientId: ClientIdSchema }),
    z.object({ attempts: z.array(InstanceAttemptSchema) }),
  ),
};
