import type { Services } from '../services.ts';
import { brazeHandlers, type BrazeServiceOptions } from './braze/handlers.ts';
import { brazeMain } from './braze/index.ts';
import { jacquardMain } from './jacquard/index.ts';
import { odpHandlers } from './optimizely/handlers.ts';
import { optimizelyMain } from './optimizely/index.ts';
import type { MainIntegration } from './types.ts';

/**
 * The registry of integrations, main's half: with the shared and renderer registries, the only
 * place outside an integration's own folders that names one. The check registry, input redaction
 * and the handler table are derived from it.
 */
export const mainIntegrations: readonly MainIntegration[] = [
  brazeMain,
  jacquardMain,
  optimizelyMain,
];

/** Per-integration settings a process may override (tests and the demo point Braze at fakes). */
export interface IntegrationServiceOptions {
  braze?: BrazeServiceOptions;
}

/** The channels integrations add to the contract (`integrationChannels`), typed slice by slice. */
export function integrationHandlers(s: Services, options: IntegrationServiceOptions = {}) {
  return { ...brazeHandlers(s, options.braze), ...odpHandlers(s) };
}
