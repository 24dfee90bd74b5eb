import { z } from 'zod';
import { IsoDateSchema } from './ids.ts';
import { SecretNameSchema } from '../integrations/lists.ts';

/**
 * What the UI may know about a secret. `unavailable` means the store remembers setting it but the
 * keychain no longer has it (another keychain backend, a wiped keyring): the CSM re-enters it.
 */
export const SecretStatusSchema = z.object({
  name: SecretNameSchema,
  state: z.enum(['set', 'missing', 'unavailable']),
  tail: z.string().max(4).nullable(),
  setAt: IsoDateSchema.nullable(),
});
export type SecretStatus = z.infer<typeof SecretStatusSchema>;
