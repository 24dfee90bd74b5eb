/**
 * `npm run demo`: a practice workspace on local sandbox services, for anyone without Braze, ODP or
 * Jacquard credentials at hand. Starts the test bed's Braze, ODP and S3 services on 127.0.0.1,
 * creates three practice clients in a throw-away profile (never the CSM's real store or keychain)
 * and opens the app in browser mode, in this process. Ctrl-C stops everything.
 *
 *   npm run demo                      opens the app in your browser
 *   npm run demo -- --no-open         prints the link instead
 *   npm run demo -- --cli [--json]    prints and runs the equivalent `partner-setup check` commands
 *   npm run demo -- --keep            keeps the demo profile when it stops
 *   npm run demo -- --port N          serves the app on port N
 */
import { parseArgs } from 'node:util';
import { openInBrowser } from '../main/cli/commands/ui.ts';
import { ensureRendererBuilt } from '../main/web/renderer-build.ts';
import { startWebServer, type WebServer } from '../main/web/server.ts';
import { runCliMode } from './demo/cli-mode.ts';
import { createDemoProfile, type DemoProfile } from './demo/profile.ts';
import { startSandbox, type Sandbox } from './demo/sandbox.ts';
import { scenarios } from './demo/scenarios.ts';

function readArgs() {
  try {
    return parseArgs({
      options: {
        'no-open': { type: 'boolean', default: false },
        cli: { type: 'boolean', default: false },
        json: { type: 'boolean', default: false },
        keep: { type: 'boolean', default: false },
        port: { type: 'string', default: '0' },
      },
      strict: true,
    }).values;
  } catch (error) {
    process.stderr.write(`demo: ${(error as Error).message}\n`);
    process.exit(2);
  }
}
const values = readArgs();
const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  process.stderr.write(`demo: --port must be a port number, not "${values.port}".\n`);
  process.exit(2);
}

// With --cli --json, stdout is one JSON document; notes for people go to stderr.
const notes = values.cli && values.json ? process.stderr : process.stdout;
const say = (text: string): boolean => notes.write(`${text}\n`);

let sandbox: Sandbox | null = null;
let profile: DemoProfile | null = null;
let server: WebServer | null = null;
let stopping: Promise<void> | null = null;

/** Ctrl-C or SIGTERM, even during start-up (the demo then stops as soon as it has started). */
const stopRequested = new AbortController();
const onSignal = (signal: NodeJS.Signals): void => {
  if (stopping) process.exit(130); // a second Ctrl-C while stopping gives up waiting
  // The signal is the reason, so --cli can pass the same one on to the check it is running.
  stopRequested.abort(signal);
};
process.on('SIGINT', onSignal);
process.on('SIGTERM', onSignal);
const untilStopRequested = new Promise<void>((resolve) =>
  stopRequested.signal.addEventListener('abort', () => resolve(), { once: true }),
);

function stop(): Promise<void> {
  stopping ??= (async () => {
    await server?.close();
    await sandbox?.close();
    if (profile && !values.keep) await profile.remove();
    say(
      profile && values.keep
        ? `Practice workspace stopped; its profile is kept in ${profile.home}`
        : 'Practice workspace stopped and removed.',
    );
  })();
  return stopping;
}

async function main(): Promise<number> {
  say('Starting the practice workspace (local sandbox services, no real accounts)…');
  sandbox = await startSandbox(scenarios);
  profile = await createDemoProfile(scenarios, sandbox);
  say(`  Braze REST API:            ${sandbox.braze.url}`);
  say(`  Optimizely Data Platform:  ${sandbox.odp.url}`);
  say(`  Jacquard S3 bucket:        ${sandbox.s3.endpoint}`);
  say(`  Demo profile:              ${profile.home}`);
  say(`  Clients:                   ${scenarios.map((s) => s.name).join(', ')}`);

  if (values.cli) {
    const runs = await runCliMode(profile, process, {
      json: values.json,
      signal: stopRequested.signal,
    });
    await stop();
    // Interrupted, as `partner-setup check` reports it.
    if (stopRequested.signal.aborted) return 130;
    // 0 when every command ran: a check failing (exit 1) or a client not verified (exit 3, the
    // client not started yet) is part of the demo.
    return runs.every((r) => [0, 1, 3].includes(r.exitCode)) ? 0 : 1;
  }

  server = await startWebServer({
    services: profile.services,
    rendererDir: await ensureRendererBuilt(),
    port,
  });
  say(`Partner Setup Assistant: ${server.url}`);
  say('Press Ctrl-C to stop the practice workspace.');
  if (!values['no-open']) openInBrowser(server.url);
  await untilStopRequested;
  await stop();
  return 0;
}

main().then(
  (code) => process.exit(code),
  async (error: unknown) => {
    console.error('demo:', error instanceof Error ? error.message : error);
    await stop();
    process.exit(1);
  },
);
