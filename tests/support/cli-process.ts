import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The `partner-setup` bin, run with this Node by default. */
export const cliBin = fileURLToPath(new URL('../../bin/partner-setup.js', import.meta.url));

export interface CliRun {
  /** Null when the process was ended by a signal it did not handle (a timeout, say). */
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface CliSpawnOptions {
  /** The program to start; default this Node, with `prefix` [the bin]. */
  command?: string;
  prefix?: readonly string[];
  cwd?: string;
  /** Ends the process after this long (SIGTERM). */
  timeoutMs?: number;
  /** Aborting it sends SIGINT, as Ctrl-C in a terminal would. */
  interrupt?: AbortSignal;
}

/** Runs the CLI as a separate process, the way a CSM or a CI job would, with exactly `env`. */
export function runCli(
  args: readonly string[],
  env: NodeJS.ProcessEnv,
  options: CliSpawnOptions = {},
): Promise<CliRun> {
  const { command = process.execPath, prefix = [cliBin] } = options;
  return new Promise((resolve, reject) => {
    const child = spawn(command, [...prefix, ...args], {
      env,
      cwd: options.cwd,
      timeout: options.timeoutMs,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (c: string) => (stdout += c));
    child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
    options.interrupt?.addEventListener('abort', () => child.kill('SIGINT'), { once: true });
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** The CLI with only PATH and HOME of this process's environment, no colour, and `env`. */
export function runCliIsolated(args: readonly string[], env: Record<string, string>) {
  return runCli(args, {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '/tmp',
    NO_COLOR: '1',
    ...env,
  });
}

const peakRssProbe = fileURLToPath(new URL('./peak-rss-probe.ts', import.meta.url));

/**
 * Runs the CLI as `runCli` does, with its peak resident memory (MB) as the process reported it on
 * exit: what the command cost in memory, whatever the machine's load.
 */
export async function runCliMeasured(
  args: readonly string[],
  env: NodeJS.ProcessEnv,
  options: Omit<CliSpawnOptions, 'command' | 'prefix'> = {},
): Promise<CliRun & { peakRssMb: number }> {
  const run = await runCli(args, env, { ...options, prefix: ['--import', peakRssProbe, cliBin] });
  const line = /\npeak-rss-kb (\d+)\n/.exec(run.stderr);
  if (!line) throw new Error(`no peak RSS reported (exit ${run.code}): ${run.stderr}`);
  return {
    ...run,
    stderr: run.stderr.replace(line[0], ''),
    peakRssMb: Math.round(Number(line[1]) / 1024),
  };
}
