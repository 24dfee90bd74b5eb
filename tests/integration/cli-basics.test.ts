import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { tempDir } from '../support/temp-dir.ts';

const bin = fileURLToPath(new URL('../../bin/partner-setup.js', import.meta.url));

const cli = (args: string[], env: NodeJS.ProcessEnv = {}) =>
  spawnSync(process.execPath, [bin, ...args], {
    encoding: 'utf8',
    env: { ...process.env, ...env },
  });

test('--help lists the commands and exits 0', () => {
  const run = cli(['--help']);
  assert.equal(run.status, 0);
  assert.match(run.stdout, /Usage: partner-setup <command>/);
  assert.match(run.stdout, /\bui\b/);
});

test('an unknown command or option is one clear line and exit 2', () => {
  const unknown = cli(['deploy']);
  assert.equal(unknown.status, 2);
  assert.equal(unknown.stderr.trim().split('\n').length, 1);
  assert.match(unknown.stderr, /unknown command "deploy"/);

  const badPort = cli(['ui', '--port', 'eighty']);
  assert.equal(badPort.status, 2);
  assert.match(badPort.stderr, /--port must be a port number/);

  const badOption = cli(['ui', '--listen-everywhere']);
  assert.equal(badOption.status, 2);
  assert.match(badOption.stderr, /listen-everywhere/);
});

test('a command’s --help prints its usage', async (t) => {
  const run = cli(['ui', '--help'], { PARTNER_SETUP_HOME: await tempDir(t) });
  assert.equal(run.status, 0);
  assert.match(run.stdout, /--no-open/);
});

test('the version is the package version', () => {
  const run = cli(['--version']);
  assert.equal(run.status, 0);
  assert.match(run.stdout.trim(), /^\d+\.\d+\.\d+$/);
});
