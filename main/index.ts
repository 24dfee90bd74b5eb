import { app } from 'electron';
import { startDesktopApp } from './electron/app.ts';

// The Electron entry stays thin: everything it starts is plain Node code shared with the CLI.
startDesktopApp(app).catch((error: unknown) => {
  console.error('[partner-setup] failed to start', error);
  app.exit(1);
});
