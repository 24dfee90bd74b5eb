import { AppError } from '../../shared/errors.ts';
import { confirmShownHosts } from '../secret-hosts/binding.ts';
import type { Services } from '../services.ts';
import type { Handlers } from './types.ts';

export function secretHandlers(
  s: Services,
): Handlers<'secrets:status' | 'secrets:set' | 'secrets:delete' | 'secrets:confirmHosts'> {
  // A secret saved again outdates the results that used it: the open client is re-read.
  const changed = <T>(clientId: string, status: T): T => {
    s.events.emit('client:changed', { clientId });
    return status;
  };
  return {
    'secrets:status': ({ clientId }) => s.secrets.status(clientId),
    'secrets:set': async ({ clientId, name, value }) =>
      changed(clientId, await s.secrets.set(clientId, name, value)),
    'secrets:delete': async ({ clientId, name }) =>
      changed(clientId, await s.secrets.delete(clientId, name)),
    'secrets:confirmHosts': ({ clientId, hosts }) =>
      s.store.update(clientId, (c) => {
        if (!confirmShownHosts(c, hosts)) {
          throw new AppError('CONFLICT', s.t('errors:secretHosts.changedAgain'));
        }
      }),
  };
}
