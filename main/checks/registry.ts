import { mainIntegrations } from '../integrations/registry.ts';
import type { CheckDefinition } from './types.ts';

/** Every automated check the app implements, in registry order; guides reference them by id. */
export const checkRegistry: readonly CheckDefinition[] = mainIntegrations.flatMap((m) => m.checks);

/** The integration that implements each check (Braze's checks belong to Braze, not a guide). */
export const checkOwners: ReadonlyMap<string, string> = new Map(
  mainIntegrations.flatMap((m) => m.checks.map((check) => [check.id, m.id] as const)),
);
