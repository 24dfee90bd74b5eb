/**
 * Starts the built Electron main process (out/main/index.js) under the Electron stand-in, with the
 * command-line switches this process was given (`node electron-main-child.ts --allow-insecure-loopback`),
 * asks it `app:info` as the app's own window would, and prints the answer as JSON. For tests that
 * need the main process started with other switches than the in-process one.
 */
import { fileURLToPath } from 'node:url';
import { ipcChannels } from '../../preload/ipc-channels.ts';
import { resolveElectronToStub } from './electron-stub-hook.ts';

resolveElectronToStub();
const { recorded } = await import('./electron-stub.ts');
await import(fileURLToPath(new URL('../../out/main/index.js', import.meta.url)));

const deadline = Date.now() + 20_000;
let handler = recorded.ipcHandlers.get(ipcChannels.invoke);
while (!handler) {
  if (Date.now() > deadline) throw new Error('the main process registered no IPC handler');
  await new Promise((resolve) => setTimeout(resolve, 20));
  handler = recorded.ipcHandlers.get(ipcChannels.invoke);
}
const frame = { url: 'app://renderer/index.html#/', parent: null };
process.stdout.write(JSON.stringify(await handler({ senderFrame: frame }, 'app:info', {})));
process.exit(0);
