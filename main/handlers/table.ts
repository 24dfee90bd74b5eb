import type { Services } from '../services.ts';
import { appHandlers } from './app.ts';
import { integrationHandlers } from '../integrations/registry.ts';
import { checkHandlers } from './checks.ts';
import { clientHandlers } from './clients.ts';
import { reportHandlers } from './reports.ts';
import { secretHandlers } from './secrets.ts';
import type { HandlerTable } from './types.ts';

/** The one handler table behind Electron IPC, browser mode and the CLI. */
export function createHandlerTable(s: Services): HandlerTable {
  return {
    ...appHandlers(s),
    ...clientHandlers(s),
    ...secretHandlers(s),
    ...checkHandlers(s),
    ...reportHandlers(s),
    ...integrationHandlers(s, s.integrationOptions),
  };
}
