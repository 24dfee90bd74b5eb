import { create } from 'zustand';
import { call } from '../api/index.ts';

/** Which automated checks this build implements; any other id shows "not available yet". */
interface CatalogState {
  available: ReadonlySet<string>;
  load: () => Promise<void>;
}

export const useCatalogStore = create<CatalogState>()((set) => ({
  available: new Set(),
  async load() {
    const { available } = await call('checks:catalog', {});
    set({ available: new Set(available) });
  },
}));
