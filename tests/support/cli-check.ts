import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { TestContext } from 'node:test';
import { fileURLToPath } from 'node:url';
import { runCli, type CliSpawnOptions } from './cli-process.ts';
import { tempDir } from './temp-dir.ts';

/** What `partner-setup check` tests share: how they run it, the client file, the JSON report. */

const root = fileURLToPath(new URL('../../', import.meta.url));

/** Runs the CLI as a separate process from the repository root, with this PATH and HOME and `env`. */
export const cli = (args: string[], env: NodeJS.ProcessEnv = {}, options: CliSpawnOptions = {}) =>
  runCli(
    args,
    { PATH: process.env.PATH, HOME: process.env.HOME, ...env },
    // A CLI run takes a few seconds on a quiet machine, up to 30 s when the machine is busy.
    { cwd: root, timeoutMs: 180_000, ...options },
  );

/** Every Braze check of `file`, as JSON, against the loopback fake. */
export const brazeJsonArgs = (file: string) => [
  'check',
  '--client-file',
  file,
  '--only',
  'braze',
  '--json',
  '--allow-insecure-loopback',
];

/** A verdict as `--json` states it, overall (`summary`) and per integration. */
export interface JsonVerdict {
  verdict?: string;
  message: string;
  passing: number;
  failing: number;
  notVerified: number;
  notRequested: number;
  reasons: Record<string, number>;
}

export interface JsonReport {
  client: { name: string };
  verdict: 'verified' | 'failing' | 'not-verified';
  summary: JsonVerdict;
  integrations: Partial<Record<'jacquard' | 'optimizely', JsonVerdict>>;
  notRequested: string[];
  checks: { id: string; status: string; message: string; details: unknown; durationMs: number }[];
}

/** `content` (a string as is, anything else as JSON) in a client file of its own. */
export async function clientFile(t: TestContext, content: unknown): Promise<string> {
  const path = join(await tempDir(t), 'client.json');
  await writeFile(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
}

/** A client whose Braze workspace is at `endpoint`. */
export const acme = (endpoint: string) => ({
  version: 1,
  name: 'Acme Retail',
  integrations: ['optimizely'],
  braze: { instance: 'custom', restEndpoint: endpoint },
});
