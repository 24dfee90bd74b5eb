import { create } from 'zustand';
import type {
  ClientOverview,
  OverviewFilter,
  OverviewSort,
} from '../../../shared/dashboard/overview.ts';
import { call } from '../api/index.ts';

interface OverviewState {
  rows: ClientOverview[];
  loaded: boolean;
  search: string;
  filter: OverviewFilter;
  sort: OverviewSort;
  load: () => Promise<void>;
  setView: (view: Partial<Pick<OverviewState, 'search' | 'filter' | 'sort'>>) => void;
}

/** The dashboard's rows (one summary per client, computed in main) and how the CSM views them. */
export const useOverviewStore = create<OverviewState>()((set) => ({
  rows: [],
  loaded: false,
  search: '',
  filter: 'all',
  sort: 'name',
  async load() {
    const { rows } = await call('clients:overview', {});
    set({ rows, loaded: true });
  },
  setView: (view) => set(view),
}));
