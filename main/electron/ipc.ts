import { BrowserWindow, ipcMain } from 'electron';
import { dispatch } from '../handlers/dispatch.ts';
import { createHandlerTable } from '../handlers/table.ts';
import { isTrustedSender } from '../security/window-options.ts';
import type { Services } from '../services.ts';
import { ipcChannels } from '../../preload/ipc-channels.ts';

/**
 * Every renderer call arrives on one IPC channel and goes through the same `dispatch` as browser
 * mode; only the app's own main frame may call.
 */
export function registerIpc(services: Services): void {
  const table = createHandlerTable(services);
  ipcMain.handle(ipcChannels.invoke, async (event, channel: unknown, payload: unknown) => {
    const frame = event.senderFrame;
    if (!isTrustedSender(frame && { url: frame.url, isMainFrame: frame.parent === null })) {
      return { ok: false, error: { code: 'FORBIDDEN', message: 'Untrusted sender.' } };
    }
    return dispatch(table, typeof channel === 'string' ? channel : '', payload, services.t);
  });
  services.events.subscribe((name, payload) => {
    for (const window of BrowserWindow.getAllWindows()) {
      window.webContents.send(ipcChannels.event, { event: name, payload });
    }
  });
}
