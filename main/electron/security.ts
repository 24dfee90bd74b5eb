import { session, shell, type App } from 'electron';
import { isAllowedExternalUrl } from '../security/external-urls.ts';
import { appOrigin } from '../security/window-options.ts';

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
      // Only https URLs on the partners' allowlist get here (isAllowedExternalUrl, unit-tested in
      // tests/unit/window-security.test.ts), which is what Electronegativity asks to review.
      if (isAllowedExternalUrl(url)) {
        void shell.openExternal(url); // eng-disable OPEN_EXTERNAL_JS_CHECK
      }
      return { action: 'deny' };
    });
  });
}

function isAppUrl(url: string): boolean {
  try {
    return new URL(url).origin === appOrigin;
  } catch {
    return false;
  }
}
