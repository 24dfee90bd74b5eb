import { create } from 'zustand';
import type { Client, ClientSummary } from '../../../shared/types/client.ts';
import type { IntegrationId } from '../../../shared/integrations/lists.ts';
import { call } from '../api/index.ts';

interface ClientsState {
  list: ClientSummary[];
  loaded: boolean;
  refresh: () => Promise<void>;
  create: (name: string, integrations: IntegrationId[]) => Promise<Client>;
  rename: (id: string, name: string) => Promise<void>;
  duplicate: (id: string, name: string) => Promise<Client>;
  remove: (id: string) => Promise<void>;
}

export const useClientsStore = create<ClientsState>()((set, get) => ({
  list: [],
  loaded: false,
  async refresh() {
    const list = await call('clients:list', {});
    set({ list, loaded: true });
  },
  async create(name, integrations) {
    const client = await call('clients:create', { name, integrations });
    await get().refresh();
    return client;
  },
  async rename(id, name) {
    await call('clients:rename', { id, name });
    await get().refresh();
  },
  async duplicate(id, name) {
    const client = await call('clients:duplicate', { id, name });
    await get().refresh();
    return client;
  },
  async remove(id) {
    await call('clients:delete', { id });
    await get().refresh();
  },
}));
