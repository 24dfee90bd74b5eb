/**
 * Braze benchmark (issue 4), against the loopback fake with 150 ms per request:
 * - all Braze checks of one client: wall time, its ratio to the slowest single check run alone
 *   (judged against the goal ≤ 1.3), to the slowest one-request probe, and to running them one
 *   after another. The goal is judged per check: a check is what runs alone, and `braze.segments`
 *   needs two round trips by design (page 0 says whether there are more), so against a one-request
 *   probe the floor is 2 whatever the concurrency; both ratios are reported;
 * - listing 3,000 segments at 150 ms a page: wall time as a multiple of one page's latency (goal ≤ 6).
 */
import { performance } from 'node:perf_hooks';
import { brazeChecks } from '../main/integrations/braze/checks.ts';
import { createBrazeRestClient } from '../main/integrations/braze/rest-client.ts';
import { listAllSegments } from '../main/integrations/braze/segment-list.ts';
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
    const requestsPerCheck: Record<string, number> = {};
    for (const check of brazeChecks) {
      const sent = checksFake.requests.length;
      singles[check.id] = round(await timed(engine([check])), 1);
      requestsPerCheck[check.id] = (checksFake.requests.length - sent) / runs;
    }
    const slowest = (ids: string[]): [string, number] =>
      ids
        .map((id): [string, number] => [id, singles[id] ?? NaN])
        .sort((a, b) => b[1] - a[1])[0] ?? ['', NaN];
    const [slowestCheck, slowestMs] = slowest(Object.keys(singles));
    const [slowestProbe, slowestProbeMs] = slowest(
      Object.keys(singles).filter((id) => requestsPerCheck[id] === 1),
    );
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
        goalJudgedOn: 'ratioToSlowest: the slowest check run alone',
        slowestOneRequestProbe: slowestProbe,
        slowestOneRequestProbeMs: slowestProbeMs,
        ratioToSlowestOneRequestProbe: round(allMs / slowestProbeMs),
        sequentialMs: round(sequentialMs, 1),
        ratioToSequential: round(allMs / sequentialMs),
        singleCheckMs: singles,
        requestsPerCheck,
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
