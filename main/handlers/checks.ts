import { AppCheckRuns } from '../checks/app-runs.ts';
import { checkRegistry } from '../checks/registry.ts';
import type { Services } from '../services.ts';
import type { Handlers } from './types.ts';

type CheckChannel = 'checks:catalog' | 'checks:run' | 'checks:cancel';

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
            ...(req.only ? { only: req.only } : {}),
          },
          req.optIns,
          req.offline,
        ),
      ),
    'checks:cancel': (req) => Promise.resolve({ cancelled: runs.cancel(req.runId) }),
  };
}
