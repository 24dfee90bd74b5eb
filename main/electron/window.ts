import { join } from 'node:path';
import { BrowserWindow } from 'electron';
import { appOrigin, mainWindowOptions } from '../security/window-options.ts';
import type { Services } from '../services.ts';

export function createMainWindow(services: Services, isDevelopment: boolean): BrowserWindow {
  const preload = join(import.meta.dirname, '..', 'preload', 'index.cjs');
  const window = new BrowserWindow(mainWindowOptions(preload, isDevelopment));
  window.once('ready-to-show', () => window.show());
  void window.loadURL(`${appOrigin}/index.html`);
  window.setTitle(services.t('app:appName'));
  return window;
}
