import type { Client } from '../../shared/types/client.ts';
import type { HttpClient } from '../net/types.ts';
import { runChecks, type CheckEvent, type RunOutcome } from './engine.ts';
import { reasonNotReached } from './outcomes.ts';
import { checkOwners, checkRegistry } from './registry.ts';
import { selectChecks, type ChecksFilter } from './selection.ts';
import type { CheckDefinition, SecretReader } from './types.ts';

export type { ChecksFilter };

/** The checks a run covers (see `selectChecks`): the client's guides' checks, as filtered. */
export function checksForClient(
  client: Client,
  filter: ChecksFilter = {},
  registry: readonly CheckDefinition[] = checkRegistry,
): CheckDefinition[] {
  return selectChecks(client, registry, checkOwners, filter);
}

export interface ClientRunOptions extends ChecksFilter {
  client: Client;
  secrets: SecretReader;
  http: HttpClient;
  optIns?: Iterable<string>;
  /** Network checks are skipped as offline (the UI knows it has no network). */
  offline?: boolean;
  signal?: AbortSignal;
  onEvent?: (event: CheckEvent) => void;
  registry?: readonly CheckDefinition[];
}

/** What the app (handler) and the CLI both call: the same selection, the same engine. */
export function runClientChecks(options: ClientRunOptions): Promise<RunOutcome> {
  const { client, secrets, http } = options;
  return runChecks({
    client,
    definitions: checksForClient(client, options, options.registry),
    secrets,
    http,
    ...(options.optIns ? { optIns: options.optIns } : {}),
    offline: options.offline ?? false,
    ...(options.signal ? { signal: options.signal } : {}),
    ...(options.onEvent ? { onEvent: options.onEvent } : {}),
  });
}

/**
 * Keeps a run's results as each check's last result, and its artifacts. A check cut short by a
 * cancel, or skipped because the app is offline, keeps its previous result if it has one.
 */
export function recordRun(draft: Client, outcome: RunOutcome): void {
  for (const result of outcome.results) {
    if (result.messageKey === 'checks:skip.cancelled') continue;
    // Offline (known, or found by the request) says nothing about the setup: the previous result
    // stays, with its time.
    if (reasonNotReached(result.messageKey) && draft.checkResults[result.id]) continue;
    draft.checkResults[result.id] = result;
  }
  Object.assign(draft.artifacts, outcome.artifacts);
}
