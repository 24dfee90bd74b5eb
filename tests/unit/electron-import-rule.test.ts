import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { ESLint, type Linter } from 'eslint';
import tseslint from 'typescript-eslint';

const projectDir = fileURLToPath(new URL('../..', import.meta.url));

// The project's own eslint.config.js; type information is switched off because the rule under test
// does not need it and the files linted here exist only in this test.
const eslint = new ESLint({
  cwd: projectDir,
  overrideConfig: tseslint.configs.disableTypeChecked as Linter.Config,
});

async function electronImportErrors(filePath: string, specifier: string): Promise<number> {
  const code = `import { app } from '${specifier}';\nexport const name = app.getName();\n`;
  const [result] = await eslint.lintText(code, { filePath });
  const messages = result?.messages ?? [];
  // A file that did not parse reports no rule at all: that must not pass for "allowed".
  assert.deepEqual(
    messages.filter((m) => m.fatal),
    [],
  );
  return messages.filter((m) => m.ruleId === 'no-restricted-imports').length;
}

const specifiers = ['electron', 'electron/main', 'electron/common', 'electron/renderer'];

test('code outside the Electron shell cannot import Electron, under any of its names', async () => {
  for (const filePath of ['main/store/x.ts', 'main/web/x.ts', 'shared/x.ts', 'renderer/src/x.ts']) {
    for (const specifier of specifiers) {
      assert.equal(
        await electronImportErrors(filePath, specifier),
        1,
        `${specifier} in ${filePath}`,
      );
    }
  }
});

test('the Electron shell itself may import Electron', async () => {
  for (const filePath of ['main/index.ts', 'main/electron/x.ts', 'preload/x.ts']) {
    for (const specifier of specifiers) {
      assert.equal(
        await electronImportErrors(filePath, specifier),
        0,
        `${specifier} in ${filePath}`,
      );
    }
  }
});
