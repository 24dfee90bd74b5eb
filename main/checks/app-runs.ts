import { randomUUID } from 'node:crypto';
import { AppError } from '../../shared/errors.ts';
import type { Services } from '../services.ts';
import { checksForClient, recordRun, runClientChecks, type ChecksFilter } from './client-run.ts';

/**
 * Runs started from the UI (window or browser mode): in the background, one AbortController per
 * run, every step pushed as a `checks:progress` event, results stored with the client at the end.
 */
export class AppCheckRuns {
  readonly #services: Services;
  readonly #active = new Map<string, AbortController>();

  constructor(services: Services) {
    this.#services = services;
  }

  start(
    clientId: string,
    filter: ChecksFilter,
    optIns: readonly string[],
    offline = false,
  ): { runId: string; checkIds: string[] } {
    const { store, events } = this.#services;
    const client = store.get(clientId);
    const checkIds = checksForClient(client, filter).map((d) => d.id);
    const runId = randomUUID();
    const controller = new AbortController();
    this.#active.set(runId, controller);
    const done = runClientChecks({
      client,
      ...filter,
      secrets: this.#services.secretReader(client),
      http: this.#services.httpClient(),
      optIns,
      offline,
      signal: controller.signal,
      onEvent: (event) =>
        events.emit('checks:progress', {
          runId,
          clientId,
          checkId: event.checkId,
          state: event.state,
          ...(event.state === 'running' && event.progress ? { progress: event.progress } : {}),
          ...(event.state === 'running' && event.rateLimitWait
            ? { rateLimitWait: event.rateLimitWait }
            : {}),
          ...(event.state === 'done' ? { result: event.result } : {}),
        }),
    }).then(async (outcome) => {
      await store.update(clientId, (draft) => recordRun(draft, outcome));
      events.emit('client:changed', { clientId });
      return outcome.cancelled;
    });
    void done
      .catch(() => controller.signal.aborted) // the client was deleted mid-run: nothing to store
      .then((cancelled) => {
        this.#active.delete(runId);
        events.emit('checks:finished', { runId, clientId, cancelled });
      });
    return { runId, checkIds };
  }

  cancel(runId: string): boolean {
    const controller = this.#active.get(runId);
    if (!controller) return false;
    controller.abort(new AppError('CANCELLED', 'Cancelled'));
    return true;
  }
}
