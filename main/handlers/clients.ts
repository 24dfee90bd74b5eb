import { bindFirstHosts } from '../secret-hosts/binding.ts';
import type { Services } from '../services.ts';
import type { Handlers } from './types.ts';

type ClientChannels =
  | 'clients:list'
  | 'clients:get'
  | 'clients:create'
  | 'clients:rename'
  | 'clients:duplicate'
  | 'clients:delete'
  | 'clients:setIntegrations'
  | 'inputs:set'
  | 'confirmations:set';

export function clientHandlers(s: Services): Handlers<ClientChannels> {
  const { store } = s;
  return {
    'clients:list': () => Promise.resolve(store.list()),
    'clients:get': ({ id }) => Promise.resolve(store.get(id)),
    'clients:create': (req) => store.create(req),
    'clients:rename': ({ id, name }) =>
      store.update(id, (c) => {
        c.name = name.trim();
      }),
    'clients:duplicate': async ({ id, name }) => {
      const source = store.get(id);
      const copy = await store.create({ name, integrations: source.integrations });
      await s.secrets.copy(id, copy.id);
      // Confirmations and check results describe the original client's setup, so they stay behind.
      return store.update(copy.id, (c) => {
        c.inputs = { ...source.inputs };
        c.artifacts = structuredClone(source.artifacts);
      });
    },
    'clients:delete': async ({ id }) => {
      await s.secrets.deleteAll(id);
      await store.remove(id);
      return { deleted: true };
    },
    'clients:setIntegrations': ({ id, integrations }) =>
      store.update(id, (c) => {
        c.integrations = [...new Set(integrations)];
      }),
    'inputs:set': async ({ clientId, inputId, value }) => {
      const stored = await s.secrets.redactInput(clientId, inputId, value);
      return store.update(clientId, (c) => {
        if (stored === '') delete c.inputs[inputId];
        else c.inputs[inputId] = stored;
        bindFirstHosts(c);
      });
    },
    'confirmations:set': ({ clientId, confirmationId, done, note }) =>
      store.update(clientId, (c) => {
        if (!done) {
          delete c.confirmations[confirmationId];
          return;
        }
        const by = store.settings().csmName;
        const at = new Date().toISOString();
        c.confirmations[confirmationId] = note ? { by, at, note } : { by, at };
      }),
  };
}
