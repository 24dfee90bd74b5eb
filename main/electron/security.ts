import { session, shell, type App } from 'electron';
import { isAllowedExternalUrl } from '../security/external-urls.ts';
import { isAppUrl } from '../security/window-options.ts';

/** Electron security checklist items 5, 13, 14 and 15, applied to every web contents. */
export function hardenSessions(app: App): void {
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) =>
    callback(false),
  );
  session.defaultSession.setPermissionCheckHandler(() => false);
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event, url) => {
      if (!isAppUrl(url)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(({ url }) => {
      // Dashboard and documentation links open in the CSM's browser; nothing opens in the app.
      // Only https URLs on the partners' allowlist get through (reviewed in
      // security/electronegativity-suppressions.json).
      if (isAllowedExternalUrl(url)) {
        void shell.openExternal(url);
      }
      return { action: 'deny' };
    });
  });
}
