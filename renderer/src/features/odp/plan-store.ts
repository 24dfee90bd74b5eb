import { create } from 'zustand';
import type { OdpPlanView } from '../../../../shared/contract/odp.ts';
import type { OdpPlan } from '../../../../shared/odp-plan.ts';
import { call } from '../../api/index.ts';
import { showError } from '../../stores/toast-store.ts';

interface PlanState {
  clientId: string | null;
  /** The plan as edited (ahead of the last save while the CSM types). */
  plan: OdpPlan | null;
  /** What main computed for the last saved plan: issues, summary, next runs, fields. */
  view: OdpPlanView | null;
  load: (clientId: string) => Promise<void>;
  /** Applies a change at once and saves shortly after (typing does not wait for disk). */
  edit: (change: (draft: OdpPlan) => void) => void;
}

const saveDelayMs = 300;
let timer: ReturnType<typeof setTimeout> | undefined;
/** Edits not yet saved: a reload then refreshes issues and fields but keeps what the CSM typed. */
let unsaved = false;

export const useOdpPlan = create<PlanState>()((set, get) => ({
  clientId: null,
  plan: null,
  view: null,
  async load(clientId) {
    if (get().clientId !== clientId) set({ clientId, plan: null, view: null });
    try {
      const view = await call('odp:getPlan', { clientId });
      if (get().clientId !== clientId) return;
      set(unsaved && get().plan ? { view } : { view, plan: view.plan });
    } catch (error) {
      showError(error);
    }
  },
  edit(change) {
    const { plan, clientId } = get();
    if (!plan || !clientId) return;
    const draft = structuredClone(plan);
    change(draft);
    set({ plan: draft });
    unsaved = true;
    clearTimeout(timer);
    timer = setTimeout(() => {
      const latest = get().plan;
      if (!latest || get().clientId !== clientId) return;
      unsaved = false;
      call('odp:savePlan', { clientId, plan: latest }).then(
        (view) => {
          if (get().clientId === clientId) set({ view });
        },
        (error: unknown) => showError(error),
      );
    }, saveDelayMs);
  },
}));
