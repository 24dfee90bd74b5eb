import type { CheckDefinition } from '../../checks/types.ts';
import { currentsChecks } from './currents/checks/index.ts';
import { s3Checks } from './s3/checks/index.ts';
import { jacquardSnippetsCheck } from './checks/snippets.ts';
import { jacquardTokenCheck } from './checks/token.ts';

/** Every check of the Jacquard domain, in the order a CSM meets them in the guide. */
export const jacquardChecks: readonly CheckDefinition[] = [
  jacquardTokenCheck,
  ...s3Checks,
  ...currentsChecks,
  jacquardSnippetsCheck,
];
