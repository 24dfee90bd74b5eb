// Runs inside its own `dbus-run-session` (see tests/integration/keychain-faults.test.ts): starts a
// private GNOME Keyring, saves a secret through the handler table, then breaks the keyring in the
// middle of the session (locks it, or kills the daemon) and records what the CSM would see.
// argv: <home> <lock|kill>. Prints one JSON report on stdout.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { promisify } from 'node:util';
import { dispatch } from '../../main/handlers/dispatch.ts';
import { createHandlerTable } from '../../main/handlers/table.ts';
import { createServices } from '../../main/services.ts';
import type { WireResult } from '../../shared/errors.ts';

const run = promisify(execFile);
const [home, fault] = process.argv.slice(2) as [string, 'lock' | 'kill'];
// Secrets come by environment, like everywhere else: never on a command line.
const firstSecret = process.env.FAULT_FIRST_SECRET ?? '';
const secondSecret = process.env.FAULT_SECOND_SECRET ?? '';

const gdbus = (dest: string, path: string, method: string, ...args: string[]) =>
  run(
    'gdbus',
    ['call', '--session', '--dest', dest, '--object-path', path, '--method', method, ...args],
    {
      timeout: 5_000,
    },
  );

/** The pid owning the Secret Service name on this bus, or null when nobody does. */
async function secretServicePid(): Promise<number | null> {
  try {
    const { stdout } = await gdbus(
      'org.freedesktop.DBus',
      '/org/freedesktop/DBus',
      'org.freedesktop.DBus.GetConnectionUnixProcessID',
      'org.freedesktop.secrets',
    );
    return Number(/uint32 (\d+)/.exec(stdout)?.[1] ?? NaN);
  } catch {
    return null;
  }
}

/**
 * A keyring daemon in the foreground (so this process holds its pid), unlocked with `test`,
 * replacing whatever daemon owns the Secret Service on this private bus.
 */
async function startKeyring(): Promise<ChildProcess> {
  const daemon = spawn(
    'gnome-keyring-daemon',
    ['--foreground', '--replace', '--unlock', '--components=secrets'],
    { stdio: ['pipe', 'ignore', 'ignore'] },
  );
  daemons.push(daemon);
  daemon.stdin?.end('test');
  // Well under a second on a quiet machine; a busy one may take many times that.
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if ((await secretServicePid()) === daemon.pid) return daemon;
    await sleep(50);
  }
  throw new Error('gnome-keyring-daemon did not take the Secret Service name');
}

// Never outlive the test, even if the keyring hangs a call: a killed test must not leave daemons.
setTimeout(() => process.exit(3), 120_000).unref();
const daemons: ChildProcess[] = [];
process.on('exit', () => daemons.forEach((d) => d.kill('SIGKILL')));

const services = await createServices({ home, mode: 'browser' });
const table = createHandlerTable(services);
const call = (channel: string, payload: unknown): Promise<WireResult<unknown>> =>
  dispatch(table, channel, payload, services.t);
const storeText = () => readFile(join(home, 'store.json'), 'utf8');

const report: Record<string, unknown> = {};
let daemon = await startKeyring();
const created = await call('clients:create', { name: 'Acme Retail', integrations: ['jacquard'] });
const clientId = created.ok ? (created.value as { id: string }).id : '';
report.first = await call('secrets:set', {
  clientId,
  name: 'braze.apiKey',
  value: firstSecret,
});
report.storeBefore = await storeText();

if (fault === 'lock') {
  // What the desktop does on a screen lock or a timeout: the login collection locks.
  await gdbus(
    'org.freedesktop.secrets',
    '/org/freedesktop/secrets',
    'org.freedesktop.Secret.Service.Lock',
    "['/org/freedesktop/secrets/collection/login']",
  );
} else {
  daemon.kill('SIGKILL');
  await once(daemon, 'exit');
}

report.second = await call('secrets:set', { clientId, name: 'odp.apiKey', value: secondSecret });
report.status = await call('secrets:status', { clientId });
report.client = await call('clients:get', { id: clientId });
report.storeAfter = await storeText();

// The CSM unlocks (or restarts) the keyring: what was saved before the fault is still there.
daemon.kill('SIGKILL');
if (daemon.exitCode === null && daemon.signalCode === null) await once(daemon, 'exit');
daemon = await startKeyring();
report.recovered = await services.keychain.get(clientId, 'braze.apiKey');
report.statusRecovered = await call('secrets:status', { clientId });
daemon.kill('SIGKILL');

process.stdout.write(JSON.stringify(report));
