/**
 * CLI cold start (issue 8): wall time of `partner-setup --help` in a fresh Node process, median of
 * several runs after one warm-up (goal ≤ 300 ms). Reported against the goal, never asserted.
 */
import { execFile } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { Benchmark } from './run.ts';

const bin = fileURLToPath(new URL('../bin/partner-setup.js', import.meta.url));
const runs = 15;
const goalMs = 300;

async function once(): Promise<number> {
  const start = performance.now();
  const { stdout } = await promisify(execFile)(process.execPath, [bin, '--help']);
  const ms = performance.now() - start;
  if (!stdout.includes('Usage: partner-setup'))
    throw new Error(`unexpected --help output: ${stdout}`);
  return ms;
}

export const benchmark: Benchmark = {
  name: 'cli-start',
  async run() {
    await once(); // warm the file cache, as a CSM's second run would be
    const samples: number[] = [];
    for (let i = 0; i < runs; i++) samples.push(await once());
    samples.sort((a, b) => a - b);
    const at = (q: number) =>
      Math.round(samples[Math.min(samples.length - 1, Math.floor(q * samples.length))] ?? NaN);
    const medianMs = at(0.5);
    return {
      command: 'partner-setup --help',
      runs,
      medianMs,
      minMs: at(0),
      p90Ms: at(0.9),
      goalMs,
      meetsGoal: medianMs <= goalMs,
    };
  },
};
