import type { CheckDefinition } from '../../checks/types.ts';
import { apiKeyCheck } from './api-key-check.ts';
import { permissionChecks } from './permission-checks.ts';
import { segmentsCheck } from './segments-check.ts';

/**
 * Every Braze check. None depends on another: they share one host and run side by side, so the
 * whole set takes about as long as its slowest probe.
 */
export const brazeChecks: readonly CheckDefinition[] = [
  apiKeyCheck,
  ...permissionChecks,
  segmentsCheck,
];
