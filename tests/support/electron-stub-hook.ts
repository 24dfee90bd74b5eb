import { registerHooks } from 'node:module';

/**
 * Makes `import … from 'electron'` load tests/support/electron-stub.ts, so the built main process
 * (out/main/index.js) runs under plain Node with Electron's calls recorded. Call it before that
 * bundle is imported.
 */
export function resolveElectronToStub(): void {
  const stubUrl = new URL('./electron-stub.ts', import.meta.url).href;
  registerHooks({
    resolve: (specifier, context, nextResolve) =>
      specifier === 'electron'
        ? { url: stubUrl, shortCircuit: true }
        : nextResolve(specifier, context),
  });
}
