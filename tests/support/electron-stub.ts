/**
 * A stand-in for the `electron` module, so the built main process (out/main/index.js) can start
 * under plain Node: Electron's binary cannot be downloaded here. It implements only what the app
 * calls and records it, so a test can drive the app's own handlers (IPC, app:// protocol, session
 * hardening) as Electron would. Tests map `electron` to this file with a module resolve hook.
 */

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

type Listener = (...args: never[]) => unknown;

export interface StubWebContents {
  sent: Array<{ channel: string; payload: unknown }>;
  listeners: Map<string, Listener>;
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null;
  send(channel: string, payload: unknown): void;
  on(event: string, listener: Listener): void;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void;
  printToPDF(options: unknown): Promise<Buffer>;
}

function webContents(): StubWebContents {
  return {
    sent: [],
    listeners: new Map(),
    windowOpenHandler: null,
    send(channel, payload) {
      this.sent.push({ channel, payload });
      // Delivered to the stand-in renderer side, as Electron delivers to the window's preload.
      for (const listener of rendererListeners.get(channel) ?? []) listener({}, payload);
    },
    on(event, listener) {
      this.listeners.set(event, listener);
    },
    setWindowOpenHandler(handler) {
      this.windowOpenHandler = handler;
    },
    printToPDF: () =>
      recorded.printFailure
        ? Promise.reject(recorded.printFailure)
        : Promise.resolve(Buffer.from('%PDF-stub')),
  };
}

type RendererListener = (event: unknown, payload: unknown) => void;
const rendererListeners = new Map<string, Set<RendererListener>>();

/** Everything the app asked of Electron, in the order it asked. */
export const recorded = {
  privilegedSchemes: [] as unknown[],
  protocolHandlers: new Map<string, (request: Request) => Promise<Response>>(),
  ipcHandlers: new Map<string, (event: unknown, ...args: unknown[]) => Promise<unknown>>(),
  appListeners: new Map<string, Listener>(),
  permissionRequestHandler: null as
    ((contents: unknown, permission: string, callback: (granted: boolean) => void) => void) | null,
  permissionCheckHandler: null as (() => boolean) | null,
  windows: [] as BrowserWindow[],
  openedExternally: [] as string[],
  userDataPath: '',
  /** Chromium-style switches given on this process's command line (`--name`), as Electron reads them. */
  switches: new Set(
    process.argv
      .slice(2)
      .filter((arg) => arg.startsWith('--'))
      .map((arg) => arg.slice(2).split('=', 1)[0] ?? ''),
  ),
  /** What the preload exposed to the page with `contextBridge.exposeInMainWorld`. */
  exposed: new Map<string, unknown>(),
  /** The frame the stand-in renderer calls from: the app's own main frame unless a test says. */
  senderFrame: { url: 'app://renderer/index.html', parent: null } as unknown,
  /** Set by a test to make `printToPDF` fail as a real printer can. */
  printFailure: null as Error | null,
};

export class BrowserWindow {
  static getAllWindows(): BrowserWindow[] {
    return recorded.windows.filter((w) => !w.destroyed);
  }
  readonly options: unknown;
  readonly webContents = webContents();
  url = '';
  /** What a `file:` URL held when the window loaded it (the file may be gone afterwards). */
  loadedFile: string | null = null;
  title = '';
  destroyed = false;
  constructor(options: unknown) {
    this.options = options;
    recorded.windows.push(this);
  }
  once(): void {}
  show(): void {}
  focus(): void {}
  restore(): void {}
  isMinimized(): boolean {
    return false;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  destroy(): void {
    this.destroyed = true;
  }
  loadURL(url: string): Promise<void> {
    this.url = url;
    if (url.startsWith('file:')) this.loadedFile = readFileSync(fileURLToPath(url), 'utf8');
    return Promise.resolve();
  }
  setTitle(title: string): void {
    this.title = title;
  }
}

export const app = {
  isPackaged: false,
  commandLine: { hasSwitch: (name: string) => recorded.switches.has(name) },
  requestSingleInstanceLock: () => true,
  whenReady: () => Promise.resolve(),
  setPath(name: string, path: string) {
    if (name === 'userData') recorded.userDataPath = path;
  },
  on(event: string, listener: Listener) {
    recorded.appListeners.set(event, listener);
  },
  quit() {},
  exit() {},
};

export const ipcMain = {
  handle(channel: string, handler: (event: unknown, ...args: unknown[]) => Promise<unknown>) {
    recorded.ipcHandlers.set(channel, handler);
  },
};

export const protocol = {
  registerSchemesAsPrivileged(schemes: unknown[]) {
    recorded.privilegedSchemes.push(...schemes);
  },
  handle(scheme: string, handler: (request: Request) => Promise<Response>) {
    recorded.protocolHandlers.set(scheme, handler);
  },
};

export const session = {
  defaultSession: {
    setPermissionRequestHandler(handler: typeof recorded.permissionRequestHandler) {
      recorded.permissionRequestHandler = handler;
    },
    setPermissionCheckHandler(handler: typeof recorded.permissionCheckHandler) {
      recorded.permissionCheckHandler = handler;
    },
  },
};

export const shell = {
  openExternal(url: string) {
    recorded.openedExternally.push(url);
    return Promise.resolve();
  },
};

/** The preload's side: invoke reaches the handler main registered with `ipcMain.handle`. */
export const ipcRenderer = {
  invoke(channel: string, ...args: unknown[]) {
    const handler = recorded.ipcHandlers.get(channel);
    if (!handler) return Promise.reject(new Error(`No handler registered for '${channel}'`));
    return handler({ senderFrame: recorded.senderFrame }, ...args);
  },
  on(channel: string, listener: RendererListener) {
    const set = rendererListeners.get(channel) ?? new Set<RendererListener>();
    set.add(listener);
    rendererListeners.set(channel, set);
  },
  removeListener(channel: string, listener: RendererListener) {
    rendererListeners.get(channel)?.delete(listener);
  },
};

export const contextBridge = {
  exposeInMainWorld(name: string, api: unknown) {
    recorded.exposed.set(name, api);
  },
};
