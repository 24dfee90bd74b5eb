import type { Services } from '../services.ts';
import type { Handlers } from './types.ts';

export function secretHandlers(
  s: Services,
): Handlers<'secrets:status' | 'secrets:set' | 'secrets:delete'> {
  return {
    'secrets:status': ({ clientId }) => s.secrets.status(clientId),
    'secrets:set': ({ clientId, name, value }) => s.secrets.set(clientId, name, value),
    'secrets:delete': ({ clientId, name }) => s.secrets.delete(clientId, name),
  };
}
