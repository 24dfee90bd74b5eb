import { homedir } from 'node:os';
import { posix, resolve, win32 } from 'node:path';

export const productName = 'Partner Setup Assistant';

/**
 * The folder holding the store. It is Electron's `userData` for this product, computed the same
 * way here so that the app, browser mode and the CLI all read one store without loading Electron.
 */
export function resolveHome(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  home: string = homedir(),
): string {
  if (env.PARTNER_SETUP_HOME) return resolve(env.PARTNER_SETUP_HOME);
  const path = platform === 'win32' ? win32 : posix;
  const join = (...parts: string[]): string => path.join(...parts);
  if (platform === 'win32')
    return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), productName);
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', productName);
  return join(env.XDG_CONFIG_HOME ?? join(home, '.config'), productName);
}

export const storeFileName = 'store.json';
