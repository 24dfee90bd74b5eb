import { spawn } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { constants } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ClientFileSchema, clientFileVersion, type ClientFile } from '../../shared/client-file.ts';
import { secretEnvVars, type SecretName } from '../../shared/integrations/lists.ts';
import type { DemoClient, DemoProfile } from './profile.ts';

/**
 * `npm run demo -- --cli`: the practice clients as client files in the demo profile, checked with
 * `partner-setup check` exactly as a CSM would run it, secrets in environment variables only.
 */

const bin = fileURLToPath(new URL('../../bin/partner-setup.js', import.meta.url));

export interface CliRun {
  client: string;
  /** The command as printed: secret values replaced by "…". */
  command: string;
  exitCode: number;
  /** The check command's JSON document (with `--json`). */
  report?: unknown;
}

interface Output {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
}

const slugOf = (client: DemoClient): string =>
  client.scenario.name
    .replace(/\(.*\)/, '')
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-');

/** The client's inputs and plans as a client file (sections by input prefix, as the CLI reads them). */
export function clientFileOf(client: DemoClient): ClientFile {
  const sections: Record<string, Record<string, string>> = {};
  for (const [id, value] of Object.entries(client.setup.inputs)) {
    const [section = '', key = ''] = id.split('.');
    (sections[section] ??= {})[key] = value;
  }
  return ClientFileSchema.parse({
    version: clientFileVersion,
    name: client.scenario.name,
    integrations: client.scenario.integrations,
    ...sections,
    ...(Object.keys(client.setup.artifacts).length > 0
      ? { artifacts: client.setup.artifacts }
      : {}),
  });
}

function secretEnv(client: DemoClient): Record<string, string> {
  return Object.fromEntries(
    Object.entries(client.setup.secrets).map(([name, value]) => [
      secretEnvVars[name as SecretName],
      value,
    ]),
  );
}

/** The environment of one run: the demo's, minus any secret the CSM's own shell may hold. */
function runEnv(profile: DemoProfile, client: DemoClient): NodeJS.ProcessEnv {
  const env = { ...profile.env };
  for (const name of Object.values(secretEnvVars)) delete env[name];
  return { ...env, ...secretEnv(client) };
}

async function writeClientFiles(
  profile: DemoProfile,
  client: DemoClient,
): Promise<{ file: string; envFile: string }> {
  const dir = join(profile.home, 'client-files');
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const file = join(dir, `${slugOf(client)}.json`);
  await writeFile(file, `${JSON.stringify(clientFileOf(client), null, 2)}\n`);
  // So the printed command can be re-run by hand: `set -a; . <file>; set +a` loads the values.
  const envFile = join(dir, `${slugOf(client)}.env`);
  const lines = Object.entries(secretEnv(client)).map(([name, value]) => `${name}=${value}\n`);
  await writeFile(envFile, lines.join(''), { mode: 0o600 });
  return { file, envFile };
}

/** The signal that stopped the demo (its abort reason), to pass on to a running check. */
const stopSignalOf = (signal: AbortSignal): NodeJS.Signals =>
  signal.reason === 'SIGINT' ? 'SIGINT' : 'SIGTERM';

function run(
  args: string[],
  env: NodeJS.ProcessEnv,
  out: Output,
  options: { capture: boolean; signal: AbortSignal },
): Promise<{ code: number; stdout: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], {
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
      // Its own process group: a Ctrl-C in the terminal reaches it once, passed on below. Straight
      // from the terminal as well, the second SIGINT would end it before it printed its report.
      detached: true,
    });
    const forward = (): void => void child.kill(stopSignalOf(options.signal));
    if (options.signal.aborted) forward();
    else options.signal.addEventListener('abort', forward, { once: true });
    let stdout = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      if (options.capture) stdout += chunk;
      else out.stdout.write(chunk);
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => out.stderr.write(chunk));
    child.once('error', reject);
    child.once('close', (code, signal) => {
      options.signal.removeEventListener('abort', forward);
      // As a shell reports it: 128 + the signal's number when a signal ended it.
      resolve({ code: code ?? 128 + (signal ? constants.signals[signal] : 0), stdout });
    });
  });
}

export async function runCliMode(
  profile: DemoProfile,
  out: Output,
  options: { json: boolean; signal: AbortSignal },
): Promise<CliRun[]> {
  // With --json, stdout carries one JSON document; everything meant for people goes to stderr.
  const say = options.json ? out.stderr : out.stdout;
  const runs: CliRun[] = [];
  for (const client of profile.clients) {
    if (options.signal.aborted) break;
    const { file, envFile } = await writeClientFiles(profile, client);
    const args = [
      'check',
      '--client-file',
      file,
      '--allow-insecure-loopback',
      ...client.setup.optIns.flatMap((name) => ['--opt-in', name]),
      ...(options.json ? ['--json'] : []),
    ];
    const envPart = Object.keys(secretEnv(client))
      .map((name) => `${name}=… `)
      .join('');
    const command = `${envPart}npx partner-setup ${args.join(' ')}`;
    say.write(`\n# ${client.scenario.name}\n`);
    if (envPart) say.write(`# (the values are in ${envFile})\n`);
    say.write(`${command}\n`);
    const result = await run(args, runEnv(profile, client), out, {
      capture: options.json,
      signal: options.signal,
    });
    say.write(`# exit code ${result.code}\n`);
    runs.push({
      client: client.scenario.name,
      command,
      exitCode: result.code,
      ...(options.json ? { report: parseReport(result.stdout) } : {}),
    });
  }
  if (options.json)
    out.stdout.write(`${JSON.stringify({ profile: profile.home, runs }, null, 2)}\n`);
  return runs;
}

function parseReport(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}
