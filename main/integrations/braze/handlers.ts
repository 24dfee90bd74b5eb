import { AppError } from '../../../shared/errors.ts';
import type { Handlers } from '../../handlers/types.ts';
import type { Services } from '../../services.ts';
import { brazeKeySecret } from './context.ts';
import { brazeEndpointFor } from './endpoint.ts';
import { findInstance } from './find-instance.ts';
import {
  brazeInstances,
  type BrazeInstance,
} from '../../../shared/integrations/braze/instances.ts';

/** Where "find my instance" looks: Braze's instances, or local fakes in tests and the demo. */
export interface BrazeServiceOptions {
  instances?: readonly BrazeInstance[];
}

export function brazeHandlers(
  s: Services,
  options: BrazeServiceOptions = {},
): Handlers<'braze:findInstance'> {
  const instances = options.instances ?? brazeInstances;
  return {
    // Only on the CSM's request: tries the client's key on the other instances.
    'braze:findInstance': async (req) => {
      const client = s.store.get(req.clientId);
      const apiKey = (await s.secretReader(client).get(brazeKeySecret))?.trim();
      if (!apiKey) throw new AppError('BAD_REQUEST', s.t('checks-braze:find.noKey'));
      const current = brazeEndpointFor(client);
      const candidates = instances.filter((i) => !current.ok || i.id !== current.instance);
      return { attempts: await findInstance({ http: s.httpClient(), apiKey, candidates }) };
    },
  };
}
