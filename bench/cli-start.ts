/**
 * CLI cold start: wall time of `partner-setup --help` in a fresh Node process, median of several
 * runs after one warm-up (goal ≤ 300 ms); and of a `check` usage error (`--only nope`), which
 * should answer in about the time `--help` takes, as it loads no engine, partner or SDK (goal:
 * ratio ≤ 1.5). Reported against the goals, never asserted.
 */
import { execFile } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { Benchmark } from './run.ts';

const bin = fileURLToPath(new URL('../bin/partner-setup.js', import.meta.url));
const runs = 15;
const goalMs = 300;

async function once(args: readonly string[], expect: RegExp): Promise<number> {
  const start = performance.now();
  const { stdout, stderr } = await promisify(execFile)(process.execPath, [bin, ...args]).catch(
    (error: { stdout: string; stderr: string }) => error,
  );
  const ms = performance.now() - start;
  if (!expect.test(stdout + stderr)) throw new Error(`unexpected output: ${stdout}${stderr}`);
  return ms;
}

/** Median, minimum and 90th percentile of `runs` timed runs after one untimed one. */
async function timed(args: readonly string[], expect: RegExp) {
  await once(args, expect); // warm the file cache, as a CSM's second run would be
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) samples.push(await once(args, expect));
  samples.sort((a, b) => a - b);
  const at = (q: number) =>
    Math.round(samples[Math.min(samples.length - 1, Math.floor(q * samples.length))] ?? NaN);
  return { medianMs: at(0.5), minMs: at(0), p90Ms: at(0.9) };
}

export const benchmark: Benchmark = {
  name: 'cli-start',
  async run() {
    const help = await timed(['--help'], /Usage: partner-setup/);
    const usageError = await timed(
      ['check', '--client-file', 'missing.json', '--only', 'nope'],
      /--only must be/,
    );
    const ratio = Math.round((usageError.medianMs / help.medianMs) * 100) / 100;
    return {
      command: 'partner-setup --help',
      runs,
      ...help,
      goalMs,
      meetsGoal: help.medianMs <= goalMs,
      usageError: {
        command: 'partner-setup check --client-file missing.json --only nope',
        ...usageError,
      },
      usageErrorRatioToHelp: ratio,
      usageErrorGoalRatio: 1.5,
      usageErrorMeetsGoal: ratio <= 1.5,
    };
  },
};
