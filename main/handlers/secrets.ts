import { AppError } from '../../shared/errors.ts';
import { confirmShownHosts } from '../secret-hosts/binding.ts';
import type { Services } from '../services.ts';
import type { Handlers } from './types.ts';

export function secretHandlers(
  s: Services,
): Handlers<'secrets:status' | 'secrets:set' | 'secrets:delete' | 'secrets:confirmHosts'> {
  return {
    'secrets:status': ({ clientId }) => s.secrets.status(clientId),
    'secrets:set': ({ clientId, name, value }) => s.secrets.set(clientId, name, value),
    'secrets:delete': ({ clientId, name }) => s.secrets.delete(clientId, name),
    'secrets:confirmHosts': ({ clientId, hosts }) =>
      s.store.update(clientId, (c) => {
        if (!confirmShownHosts(c, hosts)) {
          throw new AppError('CONFLICT', s.t('errors:secretHosts.changedAgain'));
        }
      }),
  };
}
