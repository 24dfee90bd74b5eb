import { z } from 'zod';
import { channel } from './define.ts';
import { ClientSchema, SecretHostSchema } from '../types/client.ts';
import { ClientIdSchema } from '../types/ids.ts';
import { SecretNameSchema, secretNames } from '../integrations/lists.ts';
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
  /**
   * The CSM confirms the new hosts they were shown (`pendingHostChanges`): those secrets are sent
   * there from now on. Refused (CONFLICT) when one of them has changed again since.
   */
  'secrets:confirmHosts': channel(
    z.object({
      clientId: ClientIdSchema,
      hosts: z
        .array(z.object({ secret: SecretNameSchema, host: SecretHostSchema }))
        .min(1)
        .max(secretNames.length),
    }),
    ClientSchema,
  ),
};
