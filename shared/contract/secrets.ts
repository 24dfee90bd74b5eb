import { z } from 'zod';
import { channel } from './define.ts';
import { ClientIdSchema } from '../types/ids.ts';
import { SecretNameSchema } from '../integrations/lists.ts';
import { SecretStatusSchema } from '../types/secrets.ts';

export const secretChannels = {
  'secrets:status': channel(z.object({ clientId: ClientIdSchema }), z.array(SecretStatusSchema)),
  // The value travels renderer → main once and is never sent back.
  'secrets:set': channel(
    z.object({
      clientId: ClientIdSchema,
      name: SecretNameSchema,
      value: z.string().trim().min(1).max(4096),
    }),
    SecretStatusSchema,
  ),
  'secrets:delete': channel(
    z.object({ clientId: ClientIdSchema, name: SecretNameSchema }),
    SecretStatusSchema,
  ),
};
