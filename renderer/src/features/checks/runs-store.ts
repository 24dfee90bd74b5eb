import { create } from 'zustand';
import type { CheckStatus } from '../../../../shared/types/checks.ts';
import { api, call } from '../../api/index.ts';
import { useOnlineStore } from '../../stores/online-store.ts';

export interface LiveCheck {
  state: 'queued' | 'running' | 'done';
  progress?: { done: number; total: number | null };
  /** Waiting for a host's rate limit, as last announced; cleared by the check's next event. */
  rateLimitWait?: { host: string; waitMs: number };
  status?: CheckStatus;
}

interface Run {
  runId: string;
  clientId: string;
  checkIds: readonly string[];
}

interface RunsState {
  /** Runs still going, by run id. */
  runs: Record<string, Run>;
  /** What each check of a running (or just finished) run is doing, by `<clientId>/<checkId>`. */
  live: Record<string, LiveCheck>;
  start: (clientId: string, scope: { checkIds?: string[] }, optIns: string[]) => Promise<void>;
  cancel: (runId: string) => Promise<void>;
}

export const liveKey = (clientId: string, checkId: string): string => `${clientId}/${checkId}`;

/**
 * Runs whose `checks:finished` came before `checks:run` answered (a fast run, or one started
 * elsewhere): `start` must not then show them as going, or the step would stay "running" for good.
 */
const finishedUnknown = new Set<string>();
const maxFinishedUnknown = 50;

export const useRunsStore = create<RunsState>()((set) => ({
  runs: {},
  live: {},
  async start(clientId, scope, optIns) {
    // Offline, main skips the network checks as "offline" and keeps the last real results.
    const offline = !useOnlineStore.getState().online;
    const { runId, checkIds } = await call('checks:run', { clientId, ...scope, optIns, offline });
    const keys = checkIds.map((id) => liveKey(clientId, id));
    if (finishedUnknown.delete(runId)) {
      set((s) => ({
        live: Object.fromEntries(Object.entries(s.live).filter(([k]) => !keys.includes(k))),
      }));
      return;
    }
    set((s) => ({
      runs: { ...s.runs, [runId]: { runId, clientId, checkIds } },
      // A check main already reported on keeps that state.
      live: {
        ...s.live,
        ...Object.fromEntries(keys.map((k) => [k, s.live[k] ?? { state: 'queued' as const }])),
      },
    }));
  },
  async cancel(runId) {
    await call('checks:cancel', { runId });
  },
}));

/** Follows main's run events; returns the unsubscribe function (call once, from the app root or a panel). */
export function followCheckRuns(): () => void {
  const offProgress = api.on('checks:progress', (event) => {
    const next: LiveCheck = { state: event.state };
    if (event.progress) next.progress = { done: event.progress.done, total: event.progress.total };
    if (event.rateLimitWait) next.rateLimitWait = event.rateLimitWait;
    if (event.result) next.status = event.result.status;
    useRunsStore.setState((s) => ({
      live: { ...s.live, [liveKey(event.clientId, event.checkId)]: next },
    }));
  });
  const offFinished = api.on('checks:finished', ({ runId }) => {
    useRunsStore.setState((s) => {
      const run = s.runs[runId];
      const runs = { ...s.runs };
      delete runs[runId];
      if (!run) {
        finishedUnknown.add(runId);
        if (finishedUnknown.size > maxFinishedUnknown) {
          finishedUnknown.delete(finishedUnknown.values().next().value ?? '');
        }
        return { runs };
      }
      // Finished rows fall back to the stored result the client now carries.
      const live = { ...s.live };
      for (const id of run.checkIds) delete live[liveKey(run.clientId, id)];
      return { runs, live };
    });
  });
  return () => {
    offProgress();
    offFinished();
  };
}

/** The run of this client that covers any of these checks, if one is going. */
export const activeRunFor = (
  runs: Record<string, Run>,
  clientId: string,
  checkIds: readonly string[],
): Run | null =>
  Object.values(runs).find(
    (r) => r.clientId === clientId && r.checkIds.some((id) => checkIds.includes(id)),
  ) ?? null;
