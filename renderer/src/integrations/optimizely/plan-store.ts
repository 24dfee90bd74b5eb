import { create } from 'zustand';
import type { OdpPlanView } from '../../../../shared/integrations/optimizely/contract.ts';
import type { OdpPlan } from '../../../../shared/integrations/optimizely/plan.ts';
import { call } from '../../api/index.ts';
import { showError } from '../../stores/toast-store.ts';
import { createPlanSaver } from './plan-saver.ts';

interface PlanState {
  clientId: string | null;
  /** The plan as edited (ahead of the last save while the CSM types). */
  plan: OdpPlan | null;
  /** What main computed for the last saved plan: issues, summary, next runs, fields. */
  view: OdpPlanView | null;
  /**
   * The CSM chose to replace a saved plan that no longer reads; until then nothing is saved over it
   * (the editors stay hidden behind the notice).
   */
  replacingUnreadable: boolean;
  replaceUnreadable: () => void;
  load: (clientId: string) => Promise<void>;
  /** Applies a change at once and saves shortly after (typing does not wait for disk). */
  edit: (change: (draft: OdpPlan) => void) => void;
}

const saver = createPlanSaver<OdpPlan, OdpPlanView>({
  save: (clientId, plan) => call('odp:savePlan', { clientId, plan }),
  onView: (clientId, view) => {
    if (useOdpPlan.getState().clientId === clientId) useOdpPlan.setState({ view });
  },
  onError: showError,
  delayMs: 300,
});

export const useOdpPlan = create<PlanState>()((set, get) => ({
  clientId: null,
  plan: null,
  view: null,
  replacingUnreadable: false,
  replaceUnreadable: () => set({ replacingUnreadable: true }),
  async load(clientId) {
    if (get().clientId !== clientId) {
      void saver.flush();
      set({ clientId, plan: null, view: null, replacingUnreadable: false });
    }
    const ticket = saver.ticket();
    try {
      const view = await call('odp:getPlan', { clientId });
      if (get().clientId !== clientId || !saver.isLatest(clientId, ticket)) return;
      // A reload while edits are unsaved refreshes issues and fields but keeps what was typed.
      set(saver.unsaved(clientId) && get().plan ? { view } : { view, plan: view.plan });
    } catch (error) {
      showError(error);
    }
  },
  edit(change) {
    const { plan, clientId, view, replacingUnreadable } = get();
    if (!plan || !clientId || (view?.unreadable && !replacingUnreadable)) return;
    const draft = structuredClone(plan);
    change(draft);
    set({ plan: draft });
    saver.schedule(clientId, draft);
  },
}));

// Closing the window or switching away must not lose the last keystrokes.
addEventListener('pagehide', () => void saver.flush());
document.addEventListener('visibilitychange', () => {
  if (document.visibilityState === 'hidden') void saver.flush();
});
