import { runChecks, type RunOutcome } from '../../main/checks/engine.ts';
import { withDependencies } from '../../main/checks/selection.ts';
import { jacquardChecks } from '../../main/integrations/jacquard/checks.ts';
import { createHttpClient } from '../../main/net/http-client.ts';
import type { CheckResult } from '../../shared/types/checks.ts';
import type { SecretName } from '../../shared/integrations/lists.ts';
import { testClient } from './check-context.ts';

/** Runs Jacquard checks (and what they depend on) through the real engine, as the app does. */
export interface JacquardRunOptions {
  ids: readonly string[];
  inputs: Record<string, string>;
  secrets: Partial<Record<SecretName, string>>;
  optIns?: string[];
  signal?: AbortSignal;
  onProgress?: (checkId: string, done: number, total: number | null) => void;
  /** The run's wall clock (a Currents hour's age); default: the computer's. */
  now?: () => Date;
}

export async function runJacquardChecks(
  options: JacquardRunOptions,
): Promise<RunOutcome & { byId: Map<string, CheckResult> }> {
  const out = await runChecks({
    client: testClient({ integrations: ['jacquard'], inputs: options.inputs }),
    definitions: options.ids ? withDependencies(jacquardChecks, options.ids) : [...jacquardChecks],
    secrets: { get: (name) => Promise.resolve(options.secrets[name] ?? null) },
    // One S3 call includes streaming and decoding a whole object (50,000 events in the sample-limit
    // case): 10 s was not enough on a loaded machine, which then read part of it as unreadable.
    http: createHttpClient({ allowInsecureLoopback: true, timeoutMs: 120_000, retries: 0 }),
    optIns: options.optIns ?? [],
    ...(options.signal ? { signal: options.signal } : {}),
    ...(options.now ? { now: options.now } : {}),
    onEvent: (event) => {
      if (event.state === 'running' && event.progress) {
        options.onProgress?.(event.checkId, event.progress.done, event.progress.total);
      }
    },
  });
  return { ...out, byId: new Map(out.results.map((r) => [r.id, r])) };
}
