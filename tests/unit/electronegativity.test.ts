import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import {
  judge,
  readSuppressions,
  type Finding,
  type Suppression,
} from '../../scripts/electronegativity.ts';
import { tempDir } from '../support/temp-dir.ts';

const run = promisify(execFile);
const script = fileURLToPath(new URL('../../scripts/electronegativity.ts', import.meta.url));
const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

const finding = (over: Partial<Finding> = {}): Finding => ({
  check: 'SANDBOX_JS_CHECK',
  severity: 'MEDIUM',
  file: 'main/electron/window.ts',
  line: 8,
  sample: 'const window = new BrowserWindow(mainWindowOptions(preload, dev));',
  ...over,
});
const suppression: Suppression = {
  check: 'SANDBOX_JS_CHECK',
  file: 'main/electron/window.ts',
  code: 'new BrowserWindow(mainWindowOptions(',
  reason: 'Options come from a unit-tested function the tool cannot read.',
};

test('HIGH and MEDIUM findings block unless a suppression names the check, file and code', () => {
  assert.equal(judge([finding()], []).failing.length, 1);
  assert.equal(judge([finding({ severity: 'HIGH' })], []).failing.length, 1);
  assert.equal(judge([finding({ severity: 'LOW' })], []).failing.length, 0);
  const covered = judge([finding()], [suppression]);
  assert.deepEqual([covered.failing.length, covered.suppressed.length], [0, 1]);
  // Same check in the same file, but another line of code: the excuse does not stretch to it.
  const other = finding({ sample: 'new BrowserWindow({ webPreferences: { sandbox: false } })' });
  assert.equal(judge([other], [suppression]).failing.length, 1);
  assert.equal(judge([finding({ file: 'main/other.ts' })], [suppression]).failing.length, 1);
});

test('a suppression that matches nothing is reported as stale', () => {
  assert.deepEqual(judge([], [suppression]).stale, [suppression]);
  assert.deepEqual(judge([finding()], [suppression]).stale, []);
});

test('the reviewed suppressions file is valid and gives a reason for each entry', async () => {
  const suppressions = await readSuppressions(repoRoot);
  for (const s of suppressions) assert.ok(s.reason.length >= 20, `${s.check}: reason too short`);
});

test('the scan fails on an insecure window and passes once the finding is explained', async (t) => {
  const root = await tempDir(t);
  await mkdir(join(root, 'main'));
  await mkdir(join(root, 'preload'));
  await mkdir(join(root, 'security'));
  await writeFile(
    join(root, 'package.json'),
    JSON.stringify({ name: 'fixture', devDependencies: { electron: '45.4.1' } }),
  );
  await writeFile(join(root, 'preload', 'index.js'), '');
  // A hardened app shell (so the global checks pass) that opens one insecure window.
  await writeFile(
    join(root, 'main', 'window.js'),
    [
      "const { app, BrowserWindow, session } = require('electron');",
      'const win = new BrowserWindow({ webPreferences: { sandbox: false, contextIsolation: false } });',
      'session.defaultSession.setPermissionRequestHandler((_c, _p, done) => done(false));',
      "app.on('web-contents-created', (_e, contents) => {",
      "  contents.on('will-navigate', (event) => event.preventDefault());",
      "  contents.setWindowOpenHandler(() => ({ action: 'deny' }));",
      '});',
      '',
    ].join('\n'),
  );
  await mkdir(join(root, 'renderer', 'src'), { recursive: true });
  await writeFile(
    join(root, 'renderer', 'src', 'main.tsx'),
    'export const App = () => <main>ok</main>;\n',
  );
  // Code beside the app shell ships too: shared/ and the renderer's top-level modules.
  const openLink = "const { shell } = require('electron');\nshell.openExternal(globalThis.link);\n";
  await mkdir(join(root, 'shared'));
  await writeFile(join(root, 'shared', 'links.js'), openLink);
  await writeFile(join(root, 'renderer', 'chunks.ts'), openLink);
  await writeFile(join(root, 'renderer', 'vite.config.ts'), openLink);
  await writeFile(
    join(root, 'renderer', 'index.html'),
    `<!doctype html><meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self'; object-src 'none'"><title>x</title>`,
  );
  const suppressions = join(root, 'security', 'electronegativity-suppressions.json');
  await writeFile(suppressions, JSON.stringify({ suppressions: [] }));

  const failed = await run(process.execPath, [script, '--root', root]).then(
    () => assert.fail('the scan passed an insecure window'),
    (error: { code: number; stderr: string }) => error,
  );
  assert.equal(failed.code, 1);
  assert.match(failed.stderr, /HIGH CONTEXT_ISOLATION_JS_CHECK main\/window\.js:2/);
  assert.match(failed.stderr, /MEDIUM SANDBOX_JS_CHECK main\/window\.js:2/);
  assert.match(failed.stderr, /MEDIUM OPEN_EXTERNAL_JS_CHECK shared\/links\.js:2/);
  assert.match(failed.stderr, /MEDIUM OPEN_EXTERNAL_JS_CHECK renderer\/chunks\.ts:2/);
  // Vite's configuration is a build tool's input, not part of the app.
  assert.doesNotMatch(failed.stderr, /vite\.config/);

  const findings = [...failed.stderr.matchAll(/(?:HIGH|MEDIUM) (\w+) (\S+):\d+/g)];
  await writeFile(
    suppressions,
    JSON.stringify({
      suppressions: findings.map(([, check, file]) => ({
        check,
        file,
        code: file === 'main/window.js' ? 'new BrowserWindow({' : 'shell.openExternal(',
        reason: 'A deliberately insecure fixture for this test.',
      })),
    }),
  );
  const passed = await run(process.execPath, [script, '--root', root]);
  assert.match(passed.stdout, /electronegativity: passed/);
});
