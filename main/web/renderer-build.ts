import { access } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const projectRoot = fileURLToPath(new URL('../../', import.meta.url));
export const rendererDir = join(projectRoot, 'out', 'renderer');

/**
 * In a checkout, `partner-setup ui` right after `npm install` has no built renderer yet: build it
 * once with Vite (a dev dependency) instead of failing.
 */
export async function ensureRendererBuilt(): Promise<string> {
  try {
    await access(join(rendererDir, 'index.html'));
    return rendererDir;
  } catch {
    const { build } = await import('vite');
    await build({ configFile: join(projectRoot, 'renderer', 'vite.config.ts'), logLevel: 'warn' });
    return rendererDir;
  }
}
