/**
 * Builds the renderer with the sample partner registered into the folder named by argv[2]:
 * `node --import ./register.ts build-renderer.ts OUT`. The config is imported here rather than
 * bundled by Vite, so the texts it builds come from the registries as the hooks extend them; the
 * plugin adds the same registry lines to the modules Vite bundles.
 */
import { build, type PluginOption } from 'vite';
import config from '../../renderer/vite.config.ts';
import { withSample } from './additions.ts';

const outDir = process.argv[2];
if (!outDir) throw new Error('usage: build-renderer.ts OUT_DIR');
const sample: PluginOption = {
  name: 'sample-integration',
  transform: (code, id) => withSample(id, code),
};
await build({
  ...config,
  configFile: false,
  logLevel: 'warn',
  build: { ...config.build, outDir, emptyOutDir: true },
  plugins: [...(config.plugins ?? []), sample],
});
