import type { CheckDefinition } from '../../../../checks/types.ts';
import { currentsAnonymousCheck } from './anonymous.ts';
import { currentsDeliveryCheck } from './delivery.ts';
import { currentsEventTypesCheck } from './event-types.ts';
import { currentsPiiCheck } from './pii.ts';

export const currentsChecks: readonly CheckDefinition[] = [
  currentsDeliveryCheck,
  currentsEventTypesCheck,
  currentsPiiCheck,
  currentsAnonymousCheck,
];
