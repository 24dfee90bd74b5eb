import { protocol, type App } from 'electron';
import { withInsecureLoopbackSwitch } from '../net/url-policy.ts';
import { createServices } from '../services.ts';
import { resolveHome } from '../store/paths.ts';
import { appScheme } from '../security/window-options.ts';
import { registerIpc } from './ipc.ts';
import { electronPdfPrinter } from './pdf.ts';
import { registerAppProtocol } from './protocol.ts';
import { hardenSessions } from './security.ts';
import { createMainWindow } from './window.ts';

export async function startDesktopApp(app: App): Promise<void> {
  // Must happen before `ready`: the renderer is served from app://renderer, a secure standard scheme.
  protocol.registerSchemesAsPrivileged([
    { scheme: appScheme, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  await app.whenReady();
  // The same folder the CLI and browser mode use, whatever Electron would pick by itself.
  const home = resolveHome();
  app.setPath('userData', home);
  const services = await createServices({
    home,
    mode: 'electron',
    // `npm start -- --allow-insecure-loopback` rehearses against local services, as the CLI can.
    env: withInsecureLoopbackSwitch(
      process.env,
      app.commandLine.hasSwitch('allow-insecure-loopback'),
    ),
  });
  services.printPdf = electronPdfPrinter;
  hardenSessions(app);
  registerAppProtocol();
  registerIpc(services);
  let window = createMainWindow(services, !app.isPackaged);
  app.on('second-instance', () => {
    if (window.isMinimized()) window.restore();
    window.focus();
  });
  app.on('activate', () => {
    if (window.isDestroyed()) window = createMainWindow(services, !app.isPackaged);
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
}
