/**
 * Braze benchmark (issue 4), against the loopback fake with 150 ms per request:
 * - all Braze checks of one client: wall time, ratio to the slowest single check run alone
 *   (goal ≤ 1.3) and to running them one after another;
 * - listing 3,000 segments at 150 ms a page: wall time as a multiple of one page's latency (goal ≤ 6).
 */
import { performance } from 'node:perf_hooks';
import { brazeChecks } from '../main/braze/checks.ts';
import { createBrazeRestClient } from '../main/braze/rest-client.ts';
import { listAllSegments } from '../main/braze/segment-list.ts';
import { runChecks } from '../main/checks/engine.ts';
import type { CheckDefinition } from '../main/checks/types.ts';
import { createHttpClient } from '../main/net/http-client.ts';
import { startBrazeFake } from '../tests/support/braze-fake.ts';
import { secretsOf, testClient } from '../tests/support/check-fixtures.ts';
import type { Benchmark } from './run.ts';

const latencyMs = 150;
const runs = 5;
const key = 'bench-key-0123456789abcdef';

const median = (xs: number[]): number =>
  [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const round = (x: number, digits = 2): number => Math.round(x * 10 ** digits) / 10 ** digits;

async function timed(work: () => Promise<unknown>): Promise<number> {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await work();
    samples.push(performance.now() - start);
  }
  return median(samples);
}

async function run(): Promise<Record<string, unknown>> {
  const checksFake = await startBrazeFake({ keys: { [key]: {} }, latencyMs, segments: 250 });
  const segmentsFake = await startBrazeFake({ keys: { [key]: {} }, latencyMs, segments: 3000 });
  try {
    const http = createHttpClient({ allowInsecureLoopback: true });
    const client = testClient({ braze: { instance: 'custom', restEndpoint: checksFake.url } });
    const secrets = secretsOf({ 'braze.apiKey': key });
    const engine = (definitions: readonly CheckDefinition[], concurrency?: number) => () =>
      runChecks({ client, definitions, secrets, http, ...(concurrency ? { concurrency } : {}) });

    await engine(brazeChecks)(); // warm-up: connections, JIT
    const allMs = await timed(engine(brazeChecks));
    const singles: Record<string, number> = {};
    for (const check of brazeChecks) singles[check.id] = round(await timed(engine([check])), 1);
    const [slowestCheck, slowestMs] = Object.entries(singles).sort((a, b) => b[1] - a[1])[0] ?? [
      '',
      NaN,
    ];
    const sequentialMs = await timed(engine(brazeChecks, 1));

    const rest = createBrazeRestClient(http, segmentsFake.url, key);
    let pages = 0;
    const before = segmentsFake.requests.length;
    const listMs = await timed(async () => {
      const listing = await listAllSegments(rest);
      if (!listing.ok || listing.segments.length !== 3000)
        throw new Error('segment listing went wrong');
      pages = listing.pages;
    });

    return {
      latencyMsPerRequest: latencyMs,
      runsPerFigure: runs,
      allChecks: {
        checks: brazeChecks.length,
        wallMs: round(allMs, 1),
        slowestSingleCheck: slowestCheck,
        slowestSingleMs: slowestMs,
        ratioToSlowest: round(allMs / slowestMs),
        ratioToSlowestGoal: 1.3,
        sequentialMs: round(sequentialMs, 1),
        ratioToSequential: round(allMs / sequentialMs),
        singleCheckMs: singles,
      },
      segmentListing: {
        segments: 3000,
        pages,
        requestsPerListing: (segmentsFake.requests.length - before) / runs,
        wallMs: round(listMs, 1),
        multipleOfPageLatency: round(listMs / latencyMs),
        goal: 6,
      },
    };
  } finally {
    await checksFake.close();
    await segmentsFake.close();
  }
}

export const benchmark: Benchmark = { name: 'braze', run };
