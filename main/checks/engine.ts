import type { CheckResult, JsonValue } from '../../shared/types/checks.ts';
import type { Client } from '../../shared/types/client.ts';
import type { HttpClient, RateLimitWait } from '../net/types.ts';
import { hostBoundHttp, limiterPool } from './host-bound-http.ts';
import { Limiter } from './limiter.ts';
import { unconfirmedHost } from '../../shared/secret-hosts/pending.ts';
import { guardedSecrets } from '../secret-hosts/guard.ts';
import { outcomeForError, reasonNotReached, skipped, unconfirmedHostOutcome } from './outcomes.ts';
import { trackReads, type ReadTracker } from './read-tracker.ts';
import { unmetRequirement } from './requirements.ts';
import { scrubbedRunSecrets } from './run-secrets.ts';
import type { CheckContext, CheckDefinition, CheckOutcome, SecretReader } from './types.ts';

export interface CheckProgress {
  done: number;
  total: number | null;
  label?: string;
}

export type CheckEvent =
  | { checkId: string; state: 'queued' }
  | {
      checkId: string;
      state: 'running';
      progress?: CheckProgress;
      /** The check is idle: a host it needs asked for a pause (429 with a reset). */
      rateLimitWait?: RateLimitWait;
    }
  | { checkId: string; state: 'done'; result: CheckResult };

export interface RunChecksOptions {
  client: Client;
  /** The checks to run, dependencies included (see `selectChecks`). */
  definitions: readonly CheckDefinition[];
  secrets: SecretReader;
  http: HttpClient;
  optIns?: Iterable<string>;
  /** Aborting it cancels the run: waiting checks are skipped, running ones are aborted. */
  signal?: AbortSignal;
  onEvent?: (event: CheckEvent) => void;
  /** Checks running at once; default 12. */
  concurrency?: number;
  /**
   * Checks talking to the same host at once, and requests open to one host at once (segment pages
   * included); default 8 (a client's Braze checks all share one host).
   */
  perHostConcurrency?: number;
  /** Network checks are skipped as offline instead of run. */
  offline?: boolean;
  /** Upper bound for one check, whatever it does (S3 audits included); default 5 min. */
  checkTimeoutMs?: number;
  /** The run's wall clock (tests pin it); default: the computer's. */
  now?: () => Date;
}

export interface RunOutcome {
  /** In the order of `definitions`. */
  results: CheckResult[];
  /** Artifacts the checks saved (`braze.segments` …), to keep with the client. */
  artifacts: Record<string, JsonValue>;
  cancelled: boolean;
}

/** A dependency that ended in one of these lets its dependants run. */
const usableDependency = new Set(['pass', 'warn']);

/**
 * The one check engine: the window, browser mode and the CLI all run checks through here.
 * Checks run concurrently under a global and a per-host cap; each gets a signal that ends with the
 * run (cancel) or its own time limit, and an HttpClient bound to that signal whose requests share
 * the same per-host cap (checks that reach the network another way, the S3 SDK, are held to it
 * per check).
 * Everything a check hands back (its message parameters, details, app-only note, progress labels,
 * artifacts, the error it threw) leaves through here with every secret the run read taken out, in
 * whatever form a service quoted it: this is the one place between the services' answers and the
 * store, the events, the reports and the CLI.
 */
export async function runChecks(options: RunChecksOptions): Promise<RunOutcome> {
  const { client, definitions, http } = options;
  // The one way checks reach secrets: none held back by an unconfirmed host change gets through,
  // and every value read is remembered so that no service can quote it back into a result.
  const { secrets, scrubber } = scrubbedRunSecrets(guardedSecrets(client, options.secrets));
  const runSignal = options.signal ?? new AbortController().signal;
  const optIns = new Set(options.optIns ?? []);
  const emit = options.onEvent ?? (() => undefined);
  const global = new Limiter(options.concurrency ?? 12);
  const perHost = options.perHostConcurrency ?? 8;
  const checkSlots = limiterPool(perHost);
  const requestSlots = limiterPool(perHost);
  const checkTimeoutMs = options.checkTimeoutMs ?? 5 * 60_000;
  const now = options.now ?? (() => new Date());
  const artifacts: Record<string, JsonValue> = {};
  /** Which check saved each artifact, so a dependant reads only what its dependencies found. */
  const savedBy = new Map<string, string>();
  const pending = new Map<string, Promise<CheckResult>>();

  const hostOf = (def: CheckDefinition): string | null => {
    try {
      return def.host?.(client) ?? null;
    } catch {
      return null; // a malformed endpoint: the check itself reports it
    }
  };
  const hostLimiter = (def: CheckDefinition): Limiter | null => {
    const host = hostOf(def);
    return host ? checkSlots(host) : null;
  };

  /** What a check saw while it ran: its reads of the client and the dependency verdicts it got. */
  interface Seen {
    reads: ReadTracker;
    dependencies: Map<string, CheckResult>;
  }

  const finish = (
    def: CheckDefinition,
    outcome: CheckOutcome,
    startedAt: number,
    seen: Seen,
  ): CheckResult => {
    const result: CheckResult = {
      id: def.id,
      status: outcome.status,
      messageKey: outcome.messageKey,
      params: scrubber.json(outcome.params ?? {}),
      ...(outcome.details === undefined ? {} : { details: scrubber.json(outcome.details) }),
      ...(outcome.appOnlyNote === undefined
        ? {}
        : {
            appOnlyNote: {
              messageKey: outcome.appOnlyNote.messageKey,
              params: scrubber.json(outcome.appOnlyNote.params),
            },
          }),
      durationMs: Math.max(0, Math.round(performance.now() - startedAt)),
      at: now().toISOString(),
      basis: seen.reads.basis({ endpoint: hostOf(def), dependencies: seen.dependencies }),
    };
    emit({ checkId: def.id, state: 'done', result });
    return result;
  };

  /** `timing.startedAt` moves to when the check actually starts, so waiting is not counted. */
  const execute = async (
    def: CheckDefinition,
    timing: { startedAt: number },
    seen: Seen,
  ): Promise<CheckOutcome> => {
    // Before the dependencies: every check that would send a held-back secret says why itself,
    // rather than that the check it relies on did not pass.
    for (const secret of def.requires.secrets ?? []) {
      const change = unconfirmedHost(client, secret);
      if (change) return unconfirmedHostOutcome(change);
    }
    const dependencies = new Map<string, CheckResult>();
    for (const depId of def.dependsOn ?? []) {
      const dep = pending.get(depId);
      const result = dep ? await dep : undefined;
      if (result) seen.dependencies.set(depId, result);
      const usable = result && (def.anyDependencyVerdict || usableDependency.has(result.status));
      if (!usable) {
        // Offline or cancelled says nothing about the client: dependants skip for the same reason,
        // so they too keep their last result.
        const inherited = result && reasonNotReached(result.messageKey);
        if (inherited) return skipped(inherited);
        return skipped('dependency', { dependency: depId, status: result?.status ?? 'not-run' });
      }
      dependencies.set(depId, result);
    }
    if (runSignal.aborted) return skipped('cancelled');
    const unmet = await unmetRequirement(def, {
      client: seen.reads.client,
      secrets: seen.reads.secrets,
      optIns,
      offline: options.offline ?? false,
    });
    if (unmet) return unmet;

    const releases: Array<() => void> = [];
    try {
      releases.push(await global.acquire(runSignal));
      const limiter = hostLimiter(def);
      if (limiter) releases.push(await limiter.acquire(runSignal));
    } catch {
      releases.forEach((release) => release());
      return skipped('cancelled');
    }
    emit({ checkId: def.id, state: 'running' });
    timing.startedAt = performance.now();
    const timeout = AbortSignal.timeout(checkTimeoutMs);
    const deadline = timing.startedAt + checkTimeoutMs;
    const signal = AbortSignal.any([runSignal, timeout]);
    const ctx: CheckContext = {
      client: seen.reads.client,
      secrets: seen.reads.secrets,
      http: hostBoundHttp(http, signal, requestSlots, {
        timeLeftMs: () => deadline - performance.now(),
        onRateLimitWait: (wait) => emit({ checkId: def.id, state: 'running', rateLimitWait: wait }),
      }),
      signal,
      optIns,
      offline: options.offline ?? false,
      progress: (done, total, label) =>
        emit({
          checkId: def.id,
          state: 'running',
          progress: { done, total, ...(label ? { label: scrubber.text(label) } : {}) },
        }),
      saveArtifact: ({ key, schema }, value) => {
        // Parsed on the way in: every reader can trust what the store holds under this key; parsed
        // again once scrubbed, so a secret taken out never leaves a value that no longer fits.
        artifacts[key] = schema.parse(scrubber.json(schema.parse(value) as JsonValue)) as JsonValue;
        savedBy.set(key, def.id);
      },
      dependencies,
      dependencyArtifact: ({ key, schema }) => {
        if (!dependencies.has(savedBy.get(key) ?? '')) return undefined;
        const parsed = schema.safeParse(artifacts[key]);
        if (!parsed.success) return undefined;
        seen.reads.noteArtifact(key, artifacts[key]);
        return parsed.data;
      },
      now,
    };
    try {
      return await untilAborted(def.run(ctx), signal);
    } catch (error) {
      if (runSignal.aborted) return skipped('cancelled');
      if (timeout.aborted) {
        return {
          status: 'inconclusive',
          messageKey: 'checks:error.checkTimeout',
          params: { seconds: Math.round(checkTimeoutMs / 1000) },
        };
      }
      return outcomeForError(error);
    } finally {
      releases.reverse().forEach((release) => release());
    }
  };

  for (const def of definitions) emit({ checkId: def.id, state: 'queued' });
  for (const def of definitions) {
    const timing = { startedAt: performance.now() };
    const seen: Seen = { reads: trackReads(client, secrets), dependencies: new Map() };
    // Registered before any await, so dependants defined later find it in `pending`.
    pending.set(
      def.id,
      Promise.resolve().then(async () =>
        finish(def, await execute(def, timing, seen), timing.startedAt, seen),
      ),
    );
  }
  const results = await Promise.all(
    definitions.map((def) => pending.get(def.id) as Promise<CheckResult>),
  );
  return { results, artifacts, cancelled: runSignal.aborted };
}

/** Rejects as soon as `signal` aborts, so a check that ignores its signal cannot hold the run. */
function untilAborted<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(signal.reason as Error);
    if (signal.aborted) return onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    void work.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}
