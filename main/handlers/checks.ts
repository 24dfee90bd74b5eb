import { checkRegistry } from '../checks/registry.ts';
import type { Services } from '../services.ts';
import type { Handlers } from './types.ts';

export function checkHandlers(_s: Services): Handlers<'checks:catalog'> {
  return {
    'checks:catalog': () => Promise.resolve({ available: checkRegistry.map((c) => c.id) }),
  };
}
