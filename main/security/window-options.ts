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
    spellcheck: boolean;
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
      spellcheck: true,
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
