import { access } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const projectRoot = fileURLToPath(new URL('../../', import.meta.url));
export const rendererDir = join(projectRoot, 'out', 'renderer');

/**
 * In a checkout, `partner-setup ui` right after `npm install` has no built renderer yet: build it
 * once with Vite (a dev dependency) instead of failing. `PARTNER_SETUP_RENDERER_DIR` serves a
 * renderer built elsewhere instead (a build with an integration under development).
 */
export async function ensureRendererBuilt(env: NodeJS.ProcessEnv = process.env): Promise<string> {
  const other = env.PARTNER_SETUP_RENDERER_DIR;
  if (other) {
    await access(join(other, 'index.html'));
    return other;
  }
  try {
    await access(join(rendererDir, 'index.html'));
    return rendererDir;
  } catch {
    const { build } = await import('vite');
    await build({ configFile: join(projectRoot, 'renderer', 'vite.config.ts'), logLevel: 'warn' });
    return rendererDir;
  }
}
