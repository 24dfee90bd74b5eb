/**
 * When the plan editor's drafts reach main, kept apart from React and IPC so it runs under Node.
 * Typing is saved shortly after the last keystroke; a pending draft is sent at once when the CSM
 * opens another client or leaves the page, so it is never dropped. Saves go one at a time in the
 * order they were made (main then stores the newest last), and an answer older than one already
 * shown for that client is ignored, so an older view never replaces a newer one.
 */
export interface PlanSaverOptions<Plan, View> {
  save: (clientId: string, plan: Plan) => Promise<View>;
  /** A view newer than any shown so far for this client. */
  onView: (clientId: string, view: View) => void;
  onError: (error: unknown) => void;
  delayMs: number;
}

export interface PlanSaver<Plan> {
  /** Saves `plan` after the delay, replacing a draft not yet sent; another client's is sent now. */
  schedule: (clientId: string, plan: Plan) => void;
  /** Sends the pending draft now; resolves when every save made so far is answered. */
  flush: () => Promise<void>;
  /** True while a draft of this client is waiting or on its way (the editor is ahead of main). */
  unsaved: (clientId: string) => boolean;
  /** A ticket for a request whose answer is a view (loads take one too). */
  ticket: () => number;
  /** True, once per ticket, when no later ticket's view was shown for this client yet. */
  isLatest: (clientId: string, ticket: number) => boolean;
}

export function createPlanSaver<Plan, View>(
  options: PlanSaverOptions<Plan, View>,
): PlanSaver<Plan> {
  let pending: { clientId: string; plan: Plan } | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let queue: Promise<void> = Promise.resolve();
  let issued = 0;
  const shown = new Map<string, number>();
  const sending = new Map<string, number>();

  const isLatest = (clientId: string, ticket: number): boolean => {
    if (ticket <= (shown.get(clientId) ?? 0)) return false;
    shown.set(clientId, ticket);
    return true;
  };

  const send = async (clientId: string, plan: Plan): Promise<void> => {
    const ticket = (issued += 1);
    try {
      const view = await options.save(clientId, plan);
      if (isLatest(clientId, ticket)) options.onView(clientId, view);
    } catch (error) {
      options.onError(error);
    } finally {
      const left = (sending.get(clientId) ?? 1) - 1;
      if (left > 0) sending.set(clientId, left);
      else sending.delete(clientId);
    }
  };

  const flush = (): Promise<void> => {
    clearTimeout(timer);
    timer = undefined;
    if (pending) {
      const { clientId, plan } = pending;
      pending = null;
      sending.set(clientId, (sending.get(clientId) ?? 0) + 1);
      queue = queue.then(() => send(clientId, plan));
    }
    return queue;
  };

  return {
    schedule(clientId, plan) {
      if (pending && pending.clientId !== clientId) void flush();
      pending = { clientId, plan };
      clearTimeout(timer);
      timer = setTimeout(() => void flush(), options.delayMs);
    },
    flush,
    unsaved: (clientId) => pending?.clientId === clientId || sending.has(clientId),
    ticket: () => (issued += 1),
    isLatest,
  };
}
