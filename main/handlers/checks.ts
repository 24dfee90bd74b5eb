import { AppError } from '../../shared/errors.ts';
import { brazeEndpointFor } from '../integrations/braze/endpoint.ts';
import { brazeKeySecret } from '../integrations/braze/context.ts';
import { findInstance } from '../integrations/braze/find-instance.ts';
import { AppCheckRuns } from '../checks/app-runs.ts';
import { checkRegistry } from '../checks/registry.ts';
import type { Services } from '../services.ts';
import type { Handlers } from './types.ts';

type CheckChannel = 'checks:catalog' | 'checks:run' | 'checks:cancel' | 'braze:findInstance';

export function checkHandlers(s: Services): Handlers<CheckChannel> {
  const runs = new AppCheckRuns(s);
  return {
    'checks:catalog': () => Promise.resolve({ available: checkRegistry.map((c) => c.id) }),
    'checks:run': (req) =>
      Promise.resolve(
        runs.start(
          req.clientId,
          {
            ...(req.checkIds ? { checkIds: req.checkIds } : {}),
            ...(req.domain ? { domains: [req.domain] } : {}),
          },
          req.optIns,
          req.offline,
        ),
      ),
    'checks:cancel': (req) => Promise.resolve({ cancelled: runs.cancel(req.runId) }),
    'braze:findInstance': async (req) => {
      const client = s.store.get(req.clientId);
      const apiKey = (await runs.secretsFor(client.id).get(brazeKeySecret))?.trim();
      if (!apiKey) throw new AppError('BAD_REQUEST', s.t('checks-braze:find.noKey'));
      const current = brazeEndpointFor(client);
      const candidates = s.brazeInstances.filter((i) => !current.ok || i.id !== current.instance);
      return { attempts: await findInstance({ http: runs.http(), apiKey, candidates }) };
    },
  };
}
