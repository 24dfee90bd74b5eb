/**
 * Full check of one client with both integrations (issue 8): the demo's healthy practice client
 * (Braze, Jacquard S3/Currents, ODP) against the demo's loopback services, Braze and ODP answering
 * after 150 ms per request. The S3 test bed (s3rver behind the SigV4 gateway) has no latency
 * setting: S3 requests run at its natural loopback speed.
 *
 * Figures: wall time of the whole run on the engine's defaults; the slowest probe chain (the
 * longest path through `dependsOn`, each check costing what it took alone, measured in the
 * one-after-another run); their ratio (goal ≤ 1.3); and the same checks with concurrency 1.
 */
import { performance } from 'node:perf_hooks';
import { checksForClient } from '../main/checks/client-run.ts';
import { runChecks } from '../main/checks/engine.ts';
import type { CheckDefinition } from '../main/checks/types.ts';
import { createHttpClient } from '../main/net/http-client.ts';
import { clientSetup } from '../scripts/demo/client-setup.ts';
import { startSandbox } from '../scripts/demo/sandbox.ts';
import { scenarios } from '../scripts/demo/scenarios.ts';
import { secretsOf, testClient } from '../tests/support/check-fixtures.ts';
import type { Benchmark } from './run.ts';

const latencyMs = 150;
const runs = 3;
const goalRatio = 1.3;

const median = (xs: readonly number[]): number =>
  [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const round = (x: number, digits = 0): number => Math.round(x * 10 ** digits) / 10 ** digits;

/** The longest chain through `dependsOn`, each check weighted by its own duration. */
function slowestChain(
  definitions: readonly CheckDefinition[],
  durations: ReadonlyMap<string, number>,
): { ms: number; checks: string[] } {
  const byId = new Map(definitions.map((d) => [d.id, d]));
  const memo = new Map<string, { ms: number; checks: string[] }>();
  const chainTo = (id: string): { ms: number; checks: string[] } => {
    const known = memo.get(id);
    if (known) return known;
    let before = { ms: 0, checks: [] as string[] };
    for (const dep of byId.get(id)?.dependsOn ?? []) {
      const candidate = chainTo(dep);
      if (candidate.ms > before.ms) before = candidate;
    }
    const chain = { ms: before.ms + (durations.get(id) ?? 0), checks: [...before.checks, id] };
    memo.set(id, chain);
    return chain;
  };
  return definitions
    .map((d) => chainTo(d.id))
    .reduce((a, b) => (b.ms > a.ms ? b : a), { ms: 0, checks: [] as string[] });
}

async function run(): Promise<Record<string, unknown>> {
  const sandbox = await startSandbox(scenarios, { latencyMs });
  try {
    const scenario = scenarios.find((s) => s.key === 'acme');
    if (!scenario) throw new Error('the demo has no healthy client');
    const setup = clientSetup(scenario, sandbox);
    const client = testClient({ name: scenario.name, integrations: [...scenario.integrations] });
    Object.assign(client.inputs, setup.inputs);
    Object.assign(client.artifacts, setup.artifacts);
    const definitions = checksForClient(client);
    const http = createHttpClient({ allowInsecureLoopback: true });
    const once = async (concurrency?: number) => {
      const start = performance.now();
      const outcome = await runChecks({
        client,
        definitions,
        secrets: secretsOf(setup.secrets),
        http,
        optIns: setup.optIns,
        ...(concurrency ? { concurrency } : {}),
      });
      return { ms: performance.now() - start, results: outcome.results };
    };

    const warm = await once(); // connections, JIT, s3rver's file cache
    const notPassing = warm.results.filter((r) => r.status !== 'pass').map((r) => r.id);
    const requestsBefore = {
      braze: sandbox.braze.requests.length,
      odp: sandbox.odp.requests.length,
      s3: (await sandbox.s3.requests()).length,
    };
    const concurrent: number[] = [];
    for (let i = 0; i < runs; i++) concurrent.push((await once()).ms);
    const requestsPerRun = {
      braze: (sandbox.braze.requests.length - requestsBefore.braze) / runs,
      odp: (sandbox.odp.requests.length - requestsBefore.odp) / runs,
      s3: ((await sandbox.s3.requests()).length - requestsBefore.s3) / runs,
    };

    const sequential: number[] = [];
    const alone = new Map<string, number[]>();
    for (let i = 0; i < runs; i++) {
      const { ms, results } = await once(1);
      sequential.push(ms);
      for (const r of results) alone.set(r.id, [...(alone.get(r.id) ?? []), r.durationMs]);
    }
    const durations = new Map([...alone].map(([id, xs]) => [id, median(xs)]));
    const chain = slowestChain(definitions, durations);
    const wallMs = median(concurrent);
    const ratio = round(wallMs / chain.ms, 2);
    return {
      client: scenario.name,
      checks: definitions.length,
      notPassing,
      latencyMsPerRequest: { braze: latencyMs, odp: latencyMs, s3: 'natural (no latency option)' },
      runsPerFigure: runs,
      requestsPerRun,
      wallMs: round(wallMs),
      slowestChainMs: round(chain.ms),
      slowestChain: chain.checks,
      ratioToSlowestChain: ratio,
      ratioGoal: goalRatio,
      meetsGoal: ratio <= goalRatio,
      sequentialMs: round(median(sequential)),
      ratioToSequential: round(wallMs / median(sequential), 2),
      checkMsAlone: Object.fromEntries([...durations].map(([id, ms]) => [id, round(ms)])),
    };
  } finally {
    await sandbox.close();
  }
}

export const benchmark: Benchmark = { name: 'full-check', run };
