import { create } from 'zustand';
import type { SecretName } from '../../../shared/integrations/lists.ts';
import type { SecretStatus } from '../../../shared/types/secrets.ts';
import { call } from '../api/index.ts';

/**
 * What the UI knows about the open client's secrets: status, masked tail and date only.
 * A value passes through `save` as an argument and is never assigned to any state.
 */
interface SecretsState {
  clientId: string | null;
  statuses: Partial<Record<SecretName, SecretStatus>>;
  load: (clientId: string) => Promise<void>;
  save: (clientId: string, name: SecretName, value: string) => Promise<void>;
  remove: (clientId: string, name: SecretName) => Promise<void>;
}

export const useSecretsStore = create<SecretsState>()((set, get) => {
  const record = (clientId: string, status: SecretStatus): void => {
    if (get().clientId !== clientId) return;
    set((s) => ({ statuses: { ...s.statuses, [status.name]: status } }));
  };
  return {
    clientId: null,
    statuses: {},
    async load(clientId) {
      if (get().clientId !== clientId) set({ clientId, statuses: {} });
      const list = await call('secrets:status', { clientId });
      if (get().clientId !== clientId) return;
      set({ statuses: Object.fromEntries(list.map((s) => [s.name, s])) });
    },
    async save(clientId, name, value) {
      record(clientId, await call('secrets:set', { clientId, name, value }));
    },
    async remove(clientId, name) {
      record(clientId, await call('secrets:delete', { clientId, name }));
    },
  };
});
