import { createReadStream } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { AuditSummary } from '../main/integrations/jacquard/currents/audit.ts';
import { decodeEvents } from '../main/integrations/jacquard/currents/events.ts';
import { sampleEvents } from '../main/integrations/jacquard/currents/sample.ts';
import type { CheckContext } from '../main/checks/types.ts';
import { createHttpClient } from '../main/net/http-client.ts';
import { openJacquardS3 } from '../main/integrations/jacquard/s3/client.ts';
import { listObjects } from '../main/integrations/jacquard/s3/listing.ts';
import { testClient } from '../tests/support/check-context.ts';
import { runJacquardChecks } from '../tests/support/jacquard-run.ts';

/**
 * The measuring half of bench/currents.ts, in its own process so its peak RSS is the audit's
 * alone (not the layout builder's or the S3 server's). Prints one JSON line.
 */

interface Job {
  endpoint: string;
  bucket: string;
  accessKeyId: string;
  secretAccessKey: string;
  auditFolders: string[];
  listFolder: string;
  decodeFolders: Record<string, string>;
  runs: number;
  seedDir: string;
}

const job = JSON.parse(process.argv[2] ?? '{}') as Job;
const secrets = {
  'jacquard.awsAccessKeyId': job.accessKeyId,
  'jacquard.awsSecretAccessKey': job.secretAccessKey,
};
const inputs = (folder: string) => ({
  'jacquard.s3Endpoint': job.endpoint,
  'jacquard.s3Bucket': job.bucket,
  'jacquard.s3Folder': folder,
});
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

function contextFor(folder: string): CheckContext {
  return {
    client: testClient({ integrations: ['jacquard'], inputs: inputs(folder) }),
    secrets: { get: (name) => Promise.resolve(secrets[name as keyof typeof secrets] ?? null) },
    http: createHttpClient({ allowInsecureLoopback: true, timeoutMs: 60_000 }),
    signal: new AbortController().signal,
    optIns: new Set(),
    offline: false,
    progress: () => undefined,
    saveArtifact: () => undefined,
    dependencies: new Map(),
    dependencyArtifact: () => undefined,
    now: () => new Date(),
  };
}

const localDecode: Record<
  string,
  { events: number; ms: number; cpuMs: number; eventsPerSecond: number; passRates: number[] }
> = {};
/** Timed decode passes per codec; one pass (~0.5 s) swings by tens of percent on a shared box. */
const DECODE_PASSES = 5;
// Before the audits, so that their garbage (a heap of hundreds of MB) does not slow the decoder.
for (const [codec, folder] of Object.entries(job.decodeFolders)) {
  // Decoding alone, on one core: the same streaming decoder, on the layout's files on disk. This
  // process runs with UV_THREADPOOL_SIZE=1 (its file reads run on libuv's pool), and the rate is
  // taken over the wall time or the CPU time of all its threads (V8's GC helpers included),
  // whichever is longer, so work done on a second core cannot raise it.
  const paths = (await readdir(join(job.seedDir, folder), { recursive: true }))
    .filter((f) => f.endsWith('.avro'))
    .map((f) => join(job.seedDir, folder, f));
  const decodeAll = async (): Promise<number> => {
    let count = 0;
    for (const path of paths) {
      await decodeEvents(createReadStream(path), {
        each: () => {
          count++;
          return true;
        },
      });
    }
    return count;
  };
  // One untimed pass first, so the rate is the decoder's and not V8 compiling it for this codec;
  // then the median of the timed passes.
  await decodeAll();
  const passes: { events: number; ms: number; cpuMs: number; rate: number }[] = [];
  for (let i = 0; i < DECODE_PASSES; i++) {
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    const events = await decodeAll();
    const ms = performance.now() - t0;
    const cpu = process.cpuUsage(cpu0);
    const cpuMs = (cpu.user + cpu.system) / 1000;
    passes.push({ events, ms, cpuMs, rate: events / (Math.max(ms, cpuMs) / 1000) });
  }
  const middle = [...passes].sort((a, b) => a.rate - b.rate)[Math.floor(DECODE_PASSES / 2)]!;
  localDecode[codec] = {
    events: middle.events,
    ms: Math.round(middle.ms),
    cpuMs: Math.round(middle.cpuMs),
    eventsPerSecond: Math.round(middle.rate),
    passRates: passes.map((p) => Math.round(p.rate)),
  };
}

const runsMs = new Map(job.auditFolders.map((folder) => [folder, [] as number[]]));
const summaries = new Map<string, AuditSummary>();
// The folders take turns, run by run, so that drift on a shared machine weighs on both alike.
for (let i = 0; i < job.runs; i++) {
  for (const folder of job.auditFolders) {
    const start = performance.now();
    const out = await runJacquardChecks({
      ids: ['currents.anonymous'],
      inputs: inputs(folder),
      secrets,
    });
    runsMs.get(folder)!.push(Math.round(performance.now() - start));
    const details = out.byId.get('currents.delivery')?.details as unknown as {
      audit: AuditSummary;
    };
    summaries.set(folder, details.audit);
  }
}
const audits = Object.fromEntries(
  job.auditFolders.map((folder) => {
    const runs = runsMs.get(folder)!;
    const summary = summaries.get(folder);
    return [
      folder,
      {
        medianMs: median(runs),
        runsMs: runs,
        requests: summary?.requests ?? 0,
        filesInWindow: summary?.types.reduce((n, t) => n + t.filesInWindow, 0) ?? 0,
      },
    ];
  }),
);

// The peak after the audits (and the local decode passes before them, which stream), before the
// decode runs through S3 read far more than an audit's sample budget.
const auditPeakRssMb = Math.round(process.resourceUsage().maxRSS / 1024);

const s3 = await openJacquardS3(contextFor(job.listFolder));
const listStart = performance.now();
const listed = await listObjects(s3, `${job.listFolder}/`, 1_000);
const listMs = Math.round(performance.now() - listStart);
s3.close();

const decode: Record<string, { events: number; ms: number; eventsPerSecond: number }> = {};
for (const [codec, folder] of Object.entries(job.decodeFolders)) {
  const ctx = contextFor(folder);
  const client = await openJacquardS3(ctx);
  const files = (await listObjects(client, `${folder}/`, 100)).objects.map((o) => ({
    key: o.Key!,
  }));
  const start = performance.now();
  const stats = await sampleEvents(client, files, {
    maxEvents: 10_000_000,
    maxBytes: Number.MAX_SAFE_INTEGER,
    signal: ctx.signal,
    progress: () => undefined,
  });
  const ms = performance.now() - start;
  client.close();
  decode[codec] = {
    events: stats.events,
    ms: Math.round(ms),
    eventsPerSecond: Math.round(stats.events / (ms / 1000)),
  };
}

process.stdout.write(
  `${JSON.stringify({
    audits,
    sdkListing: { objects: listed.objects.length, ms: listMs },
    decode,
    localDecode,
    auditPeakRssMb,
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
  })}\n`,
);
