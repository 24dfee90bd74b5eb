/**
 * `npm run bench [-- name…]`: runs every benchmark module in bench/, each in its own Node process
 * so memory figures are its own, and merges their figures into bench/results.json (figures of
 * modules not run this time are kept). A benchmark module exports `benchmark: Benchmark`, or an
 * `async function run…Bench()` (named after its file). Other files (helpers, child scripts) are
 * recognised from their text and never imported, since importing one may start work.
 */
import { execFile } from 'node:child_process';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';

export interface Benchmark {
  name: string;
  /** Figures to record: plain JSON (times in ms, ratios, goals, counts). */
  run(): Promise<Record<string, unknown>>;
}

const dir = fileURLToPath(new URL('.', import.meta.url));
const resultsPath = join(dir, 'results.json');

const benchmarkExport = /export (const benchmark\b|async function (run\w*Bench)\b)/;

async function runOne(file: string): Promise<void> {
  const mod = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
  const named = Object.entries(mod).find(
    ([key, value]) => /^run\w*Bench$/.test(key) && typeof value === 'function',
  );
  const bench =
    (mod.benchmark as Benchmark | undefined) ??
    (named
      ? { name: basename(file, '.ts').replace(/\.bench$/, ''), run: named[1] as Benchmark['run'] }
      : undefined);
  if (!bench) return;
  const figures = await bench.run();
  const peakRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
  process.stdout.write(`${JSON.stringify({ name: bench.name, figures, peakRssMb })}\n`);
}

async function runAll(only: string[]): Promise<void> {
  const files = (await readdir(dir))
    .filter((f) => f.endsWith('.ts') && f !== 'run.ts' && !f.endsWith('.d.ts'))
    .sort();
  let results: Record<string, unknown>;
  try {
    results = JSON.parse(await readFile(resultsPath, 'utf8')) as Record<string, unknown>;
  } catch {
    results = {};
  }
  let failed = false;
  for (const file of files) {
    const stem = basename(file, '.ts').replace(/\.bench$/, '');
    if (only.length > 0 && !only.includes(stem)) continue;
    if (!benchmarkExport.test(await readFile(join(dir, file), 'utf8'))) continue;
    try {
      const { stdout } = await promisify(execFile)(
        process.execPath,
        [fileURLToPath(import.meta.url), '--one', join(dir, file)],
        {
          maxBuffer: 16 * 1024 * 1024,
          timeout: 30 * 60_000,
        },
      );
      const line = stdout.trim().split('\n').pop();
      if (!line) continue; // a helper module, not a benchmark
      const { name, figures, peakRssMb } = JSON.parse(line) as {
        name: string;
        figures: Record<string, unknown>;
        peakRssMb: number;
      };
      results[name] = {
        at: new Date().toISOString(),
        node: process.version,
        peakRssMb,
        ...figures,
      };
      process.stdout.write(`${name}: ${JSON.stringify(results[name], null, 2)}\n`);
    } catch (error) {
      failed = true;
      console.error(`${file} failed: ${(error as Error).message}`);
    }
  }
  await writeFile(resultsPath, `${JSON.stringify(results, null, 2)}\n`);
  process.exitCode = failed ? 1 : 0;
}

const [flag, file, ...rest] = process.argv.slice(2);
if (flag === '--one' && file) await runOne(file);
else await runAll([flag, file, ...rest].filter((a): a is string => a !== undefined));
