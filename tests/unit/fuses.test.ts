import assert from 'node:assert/strict';
import { matchesGlob } from 'node:path';
import { before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { Stats } from 'node:fs';
import type { Configuration } from 'app-builder-lib';
import { FileMatcher } from 'app-builder-lib/out/fileMatcher.js';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config.js';
import { DebugLogger } from 'builder-util';
import packageJson from '../../package.json' with { type: 'json' };

// electron-builder's own loader and schema validation: the configuration `npm run dist` packages
// with, not a hand-parsed copy of the YAML (a misspelt fuse name fails validation here).
const projectDir = fileURLToPath(new URL('../..', import.meta.url));
let config: Configuration;

before(async () => {
  config = await getConfig(projectDir, null, null);
  await validateConfiguration(config, new DebugLogger(false));
});

test('the packaged app burns the hardening fuses', () => {
  const fuses = config.electronFuses;
  assert.ok(fuses, 'electron-builder.yml sets no electronFuses');
  // Off: the binary cannot be used as a plain Node, or steered by NODE_OPTIONS or --inspect.
  assert.equal(fuses.runAsNode, false);
  assert.equal(fuses.enableNodeOptionsEnvironmentVariable, false);
  assert.equal(fuses.enableNodeCliInspectArguments, false);
  // On: only the signed, integrity-checked app.asar is loaded.
  assert.equal(fuses.enableEmbeddedAsarIntegrityValidation, true);
  assert.equal(fuses.onlyLoadAppFromAsar, true);
  assert.equal(fuses.enableCookieEncryption, true);
  assert.equal(fuses.grantFileProtocolExtraPrivileges, false);
  assert.equal(config.asar, true, 'fuses about asar mean nothing without an asar');
});

/** The `files` globs, in order; electron-builder may normalise them into FileSets. */
function filePatterns(): string[] {
  const files = config.files ?? [];
  return (Array.isArray(files) ? files : [files]).flatMap((entry) => {
    if (typeof entry === 'string') return [entry];
    const { filter } = entry;
    return filter === undefined ? [] : Array.isArray(filter) ? filter : [filter];
  });
}

/** electron-builder's rule: later `!` patterns exclude what earlier ones included. */
function packaged(path: string): boolean {
  let included = false;
  for (const pattern of filePatterns()) {
    if (pattern.startsWith('!')) {
      if (matchesGlob(path, pattern.slice(1))) included = false;
    } else if (matchesGlob(path, pattern)) {
      included = true;
    }
  }
  return included;
}

test('the package ships the built app, and no tests, benchmarks or sources', () => {
  assert.ok(filePatterns().length > 0, 'no files list: electron-builder would ship everything');
  for (const path of ['out/main/index.js', 'out/preload/index.cjs', 'out/renderer/index.html']) {
    assert.equal(packaged(path), true, `${path} is not packaged`);
  }
  for (const path of [
    'tests/unit/fuses.test.ts',
    'tests/support/braze-fake.ts',
    'tests/fixtures/currents-samples/x.avro',
    'bench/run.ts',
    'bench/results.json',
    'main/services.ts',
    'scripts/test.sh',
    'out/main/index.js.map',
  ]) {
    assert.equal(packaged(path), false, `${path} would be packaged`);
  }
});

type TargetList = NonNullable<Configuration['linux']>['target'];

const targetNames = (target: TargetList): string[] =>
  (Array.isArray(target) ? target : target ? [target] : []).map((entry) =>
    typeof entry === 'string' ? entry : entry.target,
  );

test('npm run dist builds AppImage and deb, dmg and the nsis installer', () => {
  assert.deepEqual(targetNames(config.linux?.target).sort(), ['AppImage', 'deb']);
  assert.deepEqual(targetNames(config.mac?.target), ['dmg']);
  assert.deepEqual(targetNames(config.win?.target), ['nsis']);
});

test('the keychain’s native module is unpacked from the asar archive', () => {
  // electron-builder's own matcher, as it runs over the app folder when it builds the asar.
  const app = '/app';
  const unpacked = new FileMatcher(
    app,
    app,
    (pattern) => pattern,
    config.asarUnpack,
  ).createFilter();
  const file = { isDirectory: () => false } as Stats;
  const native = 'node_modules/@napi-rs/keyring-linux-x64-gnu/keyring.linux-x64-gnu.node';
  assert.equal(unpacked(`${app}/${native}`, file), true, `${native} would stay inside the asar`);
  assert.equal(unpacked(`${app}/out/main/index.js`, file), false, 'the app itself stays packed');
});

test('the deb has what electron-builder requires of it, and its usual dependencies', () => {
  // The rules electron-builder's FpmTarget applies before it builds a deb.
  assert.ok(URL.canParse(packageJson.homepage), 'a deb needs the project homepage');
  const maintainer = config.deb?.maintainer ?? config.linux?.maintainer;
  assert.ok(
    maintainer ?? packageJson.author.email,
    'a deb needs a maintainer: linux.maintainer or the author email in package.json',
  );
  // A `depends` list replaces electron-builder's defaults (GTK, libsecret, xdg-utils …) rather than
  // adding to them, so an installed deb could miss libraries Electron needs.
  assert.equal(config.deb?.depends, undefined);
  assert.deepEqual(config.deb?.recommends, ['gnome-keyring']);
});
