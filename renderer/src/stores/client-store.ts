import { create } from 'zustand';
import type { Client } from '../../../shared/types/client.ts';
import type { IntegrationId } from '../../../shared/integrations/lists.ts';
import { call } from '../api/index.ts';

interface ClientState {
  client: Client | null;
  /** Set when the open client could not be loaded (deleted elsewhere, unknown id). */
  missing: boolean;
  open: (id: string) => Promise<void>;
  reload: () => Promise<void>;
  close: () => void;
  /** Replaces the open client with a fresh copy main returned (after any change). */
  accept: (client: Client) => void;
  setInput: (inputId: string, value: string) => Promise<void>;
  setConfirmation: (confirmationId: string, done: boolean, note?: string) => Promise<void>;
  setIntegrations: (integrations: IntegrationId[]) => Promise<void>;
}

const requireOpen = (client: Client | null): Client => {
  if (!client) throw new Error('No client is open');
  return client;
};

export const useClientStore = create<ClientState>()((set, get) => ({
  client: null,
  missing: false,
  async open(id) {
    set({ client: get().client?.id === id ? get().client : null, missing: false });
    try {
      set({ client: await call('clients:get', { id }) });
    } catch (error) {
      set({ client: null, missing: true });
      throw error;
    }
  },
  async reload() {
    const current = get().client;
    if (current) set({ client: await call('clients:get', { id: current.id }) });
  },
  close: () => set({ client: null, missing: false }),
  accept(client) {
    if (get().client?.id === client.id) set({ client });
  },
  async setInput(inputId, value) {
    const { id } = requireOpen(get().client);
    get().accept(await call('inputs:set', { clientId: id, inputId, value }));
  },
  async setConfirmation(confirmationId, done, note) {
    const { id } = requireOpen(get().client);
    const request = note
      ? { clientId: id, confirmationId, done, note }
      : { clientId: id, confirmationId, done };
    get().accept(await call('confirmations:set', request));
  },
  async setIntegrations(integrations) {
    const { id } = requireOpen(get().client);
    get().accept(await call('clients:setIntegrations', { id, integrations }));
  },
}));
