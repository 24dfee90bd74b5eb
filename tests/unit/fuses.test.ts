import assert from 'node:assert/strict';
import { matchesGlob } from 'node:path';
import { before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { Configuration } from 'app-builder-lib';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config.js';
import { DebugLogger } from 'builder-util';

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
