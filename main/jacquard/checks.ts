import type { CheckDefinition } from '../checks/types.ts';
import { currentsChecks } from '../currents/checks/index.ts';
import { s3Checks } from '../s3/checks/index.ts';

/** Every check of the Jacquard domain, in the order a CSM meets them in the guide. */
export const jacquardChecks: readonly CheckDefinition[] = [...s3Checks, ...currentsChecks];
