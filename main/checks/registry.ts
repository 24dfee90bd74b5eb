import { brazeChecks } from '../integrations/braze/checks.ts';
import { jacquardChecks } from '../integrations/jacquard/checks.ts';
import { odpChecks } from '../integrations/optimizely/checks/index.ts';
import type { CheckDefinition } from './types.ts';

/** Every automated check the app implements; guides reference them by id. One line per domain. */
export const checkRegistry: readonly CheckDefinition[] = [
  ...brazeChecks,
  ...jacquardChecks,
  ...odpChecks,
];
