import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, it, type TestContext } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { AppErrorShape, WireResult } from '../../shared/errors.ts';
import type { Client } from '../../shared/types/client.ts';
import type { SecretStatus } from '../../shared/types/secrets.ts';
import { translator } from '../../main/translate.ts';
import { tempDir } from '../support/temp-dir.ts';

// The keychain breaking in the middle of a session, on a private D-Bus with a real GNOME Keyring
// (tests/support/keychain-fault-child.ts): the CSM gets a clear, translated message naming the fix,
// and nothing already saved is lost.

const run = promisify(execFile);
const child = fileURLToPath(new URL('../support/keychain-fault-child.ts', import.meta.url));
const first = 'canary-first-braze-key-5f0e9a7c3d';
const second = 'canary-second-odp-key-81b2c4d6e0';
const t = translator(() => 'en');

interface Report {
  first: WireResult<SecretStatus>;
  second: WireResult<SecretStatus>;
  status: WireResult<SecretStatus[]>;
  client: WireResult<Client>;
  storeBefore: string;
  storeAfter: string;
  recovered: string | null;
  statusRecovered: WireResult<SecretStatus[]>;
}

/** A session bus that cannot start services on demand: a dead keyring stays dead. */
const noActivationBus = `<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:tmpdir=/tmp</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
`;

async function session(
  ctx: TestContext,
  fault: 'lock' | 'kill',
  activation: boolean,
): Promise<Report> {
  const dir = await tempDir(ctx, 'partner-setup-keyfault-');
  const busArgs: string[] = [];
  if (!activation) {
    await writeFile(join(dir, 'bus.conf'), noActivationBus);
    busArgs.push(`--config-file=${join(dir, 'bus.conf')}`);
  }
  // A private HOME and runtime dir, and none of the outer keyring's variables: the daemon this
  // test starts (with --replace) must never reach the keyring other tests are using.
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: dir,
    XDG_RUNTIME_DIR: dir,
    FAULT_FIRST_SECRET: first,
    FAULT_SECOND_SECRET: second,
  };
  const { stdout } = await run(
    'dbus-run-session',
    [...busArgs, '--', process.execPath, child, join(dir, 'app'), fault],
    // The child gives up after 120 s (two keyring starts of up to 30 s each, and the calls).
    { env, timeout: 180_000 },
  );
  return JSON.parse(stdout) as Report;
}

function assertNothingLost(report: Report, code: AppErrorShape['code']) {
  assert.ok(report.first.ok, 'the first secret was not saved');
  assert.deepEqual(report.second, {
    ok: false,
    error: {
      code,
      message: t(
        code === 'KEYCHAIN_LOCKED' ? 'errors:keychain.locked' : 'errors:keychain.unavailable',
      ),
    },
  });
  // Listing secrets fails the same clear way rather than claiming they are gone.
  assert.equal(!report.status.ok && report.status.error.code, code);
  // The client and what the store knows about its secrets are untouched.
  assert.equal(report.storeAfter, report.storeBefore, 'the store changed');
  assert.ok(report.client.ok);
  assert.ok(report.client.value.secrets['braze.apiKey']);
  assert.equal(report.client.value.secrets['odp.apiKey'], undefined);
  for (const text of [
    report.storeAfter,
    JSON.stringify(report.second),
    JSON.stringify(report.status),
  ]) {
    assert.ok(!text.includes(first) && !text.includes(second), 'a secret leaked');
  }
  // Once the keyring is back, the secret saved before the fault is still there.
  assert.equal(report.recovered, first);
  assert.ok(report.statusRecovered.ok);
  const states = Object.fromEntries(report.statusRecovered.value.map((s) => [s.name, s.state]));
  assert.equal(states['braze.apiKey'], 'set');
  assert.equal(states['odp.apiKey'], 'missing');
}

describe('keychain faults in the middle of a session', () => {
  it('the keyring is locked after a secret was saved → KEYCHAIN_LOCKED, nothing lost', async (ctx) => {
    assertNothingLost(await session(ctx, 'lock', true), 'KEYCHAIN_LOCKED');
  });

  it('the keyring daemon dies and D-Bus restarts it locked → KEYCHAIN_LOCKED, nothing lost', async (ctx) => {
    assertNothingLost(await session(ctx, 'kill', true), 'KEYCHAIN_LOCKED');
  });

  it('the keyring daemon dies and nothing restarts it → KEYCHAIN_UNAVAILABLE, nothing lost', async (ctx) => {
    assertNothingLost(await session(ctx, 'kill', false), 'KEYCHAIN_UNAVAILABLE');
  });
});
