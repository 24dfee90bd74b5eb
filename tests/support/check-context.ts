import type { CheckContext, CheckDefinition, CheckOutcome } from '../../main/checks/types.ts';
import { createHttpClient } from '../../main/net/http-client.ts';
import type { CheckResult, JsonValue } from '../../shared/types/checks.ts';
import type { Client } from '../../shared/types/client.ts';
import type { SecretName } from '../../shared/integrations/lists.ts';
import { secretsOf } from './check-fixtures.ts';

// One client builder for every check test: the client-file one.
export { testClient } from './check-fixtures.ts';

/**
 * A real CheckContext for running one check's `run(ctx)` directly: the real HttpClient (loopback
 * allowed), secrets from a map, opt-ins, dependency results, and the artifacts the
 * check saved. For whole runs (dependencies, skips, concurrency) use the engine instead; clients
 * come from `testClient` in check-fixtures.ts.
 */

export interface ContextOptions {
  client: Client;
  secrets?: Partial<Record<SecretName, string>>;
  optIns?: string[];
  offline?: boolean;
  /** Plain http to loopback hosts, as `--allow-insecure-loopback` allows; default true. */
  allowInsecureLoopback?: boolean;
  /** Results of the check's dependencies, by id. */
  dependencies?: Record<string, Partial<CheckResult> & Pick<CheckResult, 'status'>>;
  timeoutMs?: number;
  /** The check's wall clock; default: the computer's. */
  now?: () => Date;
}

export interface TestContext {
  ctx: CheckContext;
  /** What the check saved with `saveArtifact`. */
  artifacts: Record<string, JsonValue>;
  progress: Array<{ done: number; total: number | null; label?: string }>;
}

export function checkContext(options: ContextOptions): TestContext {
  const artifacts: Record<string, JsonValue> = {};
  const progress: TestContext['progress'] = [];
  const dependencies = new Map<string, CheckResult>(
    Object.entries(options.dependencies ?? {}).map(([id, partial]) => [
      id,
      {
        id,
        messageKey: 'test:dependency',
        params: {},
        durationMs: 0,
        at: new Date().toISOString(),
        ...partial,
      },
    ]),
  );
  const ctx: CheckContext = {
    client: options.client,
    secrets: secretsOf(options.secrets ?? {}),
    http: createHttpClient({
      allowInsecureLoopback: options.allowInsecureLoopback ?? true,
      // Far beyond a loopback answer on a loaded machine: a check here ends in its own verdict.
      timeoutMs: options.timeoutMs ?? 30_000,
      retries: 0,
    }),
    signal: new AbortController().signal,
    optIns: new Set(options.optIns ?? []),
    offline: options.offline ?? false,
    progress: (done, total, label) => progress.push({ done, total, ...(label ? { label } : {}) }),
    saveArtifact: ({ key, schema }, value) => {
      artifacts[key] = schema.parse(value) as JsonValue;
    },
    dependencies,
    // One check alone has no run: dependencies' artifacts come only from the engine.
    dependencyArtifact: () => undefined,
    now: options.now ?? (() => new Date()),
  };
  return { ctx, artifacts, progress };
}

/** Runs one check with a fresh context; returns its outcome and what it saved. */
export async function runCheck(
  check: CheckDefinition,
  options: ContextOptions,
): Promise<{ outcome: CheckOutcome; artifacts: Record<string, JsonValue> }> {
  const { ctx, artifacts } = checkContext(options);
  return { outcome: await check.run(ctx), artifacts };
}
