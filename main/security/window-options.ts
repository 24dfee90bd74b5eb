/**
 * The main window's options, kept free of Electron imports so a unit test can hold them to the
 * Electron security checklist.
 */
export interface WindowOptions {
  width: number;
  height: number;
  minWidth: number;
  minHeight: number;
  show: boolean;
  title: string;
  backgroundColor: string;
  webPreferences: {
    preload: string;
    contextIsolation: true;
    sandbox: true;
    nodeIntegration: false;
    nodeIntegrationInWorker: false;
    nodeIntegrationInSubFrames: false;
    webSecurity: true;
    allowRunningInsecureContent: false;
    experimentalFeatures: false;
    webviewTag: false;
    navigateOnDragDrop: false;
    spellcheck: false;
    disableBlinkFeatures: string;
    devTools: boolean;
  };
}

export function mainWindowOptions(preload: string, isDevelopment: boolean): WindowOptions {
  return {
    width: 1280,
    height: 860,
    minWidth: 900,
    minHeight: 600,
    show: false,
    title: 'Partner Setup Assistant',
    backgroundColor: '#f7f8fa',
    webPreferences: {
      preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      // On Linux and Windows, Chromium's spellchecker downloads dictionaries from Google: a network
      // call the CSM never asked for.
      spellcheck: false,
      // Middle-click opens links in new windows without going through the window-open handler.
      disableBlinkFeatures: 'Auxclick',
      devTools: isDevelopment,
    },
  };
}

/** The renderer's own origin in Electron (a custom protocol, not file://). */
export const appScheme = 'app';
export const appHost = 'renderer';
export const appOrigin = `${appScheme}://${appHost}`;

/** Navigation stays inside the app: anything but the app's own origin is refused. */
export function isAppUrl(url: string): boolean {
  // Not `URL.origin`: Node's URL gives "null" as the origin of any non-web scheme such as app:.
  try {
    const parsed = new URL(url);
    return parsed.protocol === `${appScheme}:` && parsed.host === appHost;
  } catch {
    return false;
  }
}

/** Only the app's own top-level frame may call the handlers: never an iframe, never another page. */
export const isTrustedSender = (frame: { url: string; isMainFrame: boolean } | null): boolean =>
  frame !== null && frame.isMainFrame && isAppUrl(frame.url);

/**
 * The hidden window that prints reports: the report HTML is self-contained, so it needs no script,
 * no preload and no Node; its CSP already forbids every request.
 */
export const pdfWindowOptions = {
  show: false,
  webPreferences: {
    sandbox: true,
    contextIsolation: true,
    nodeIntegration: false,
    javascript: false,
    spellcheck: false,
    disableBlinkFeatures: 'Auxclick',
  },
} as const;
