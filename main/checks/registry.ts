import { brazeChecks } from '../braze/checks.ts';
import { jacquardChecks } from '../jacquard/checks.ts';
import { odpChecks } from '../odp/checks/index.ts';
import type { CheckDefinition } from './types.ts';

/** Every automated check the app implements; guides reference them by id. One line per domain. */
export const checkRegistry: readonly CheckDefinition[] = [
  ...brazeChecks,
  ...jacquardChecks,
  ...odpChecks,
];
