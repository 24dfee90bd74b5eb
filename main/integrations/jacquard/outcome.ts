import type { JsonValue, MessageParams } from '../../../shared/types/checks.ts';
import type { CheckOutcome } from '../../checks/types.ts';

/** Outcomes of the Jacquard checks: their messages are the `checks-jacquard` namespace. */
export function outcome(
  status: CheckOutcome['status'],
  key: string,
  params: MessageParams = {},
  details?: JsonValue,
): CheckOutcome {
  return {
    status,
    messageKey: `checks-jacquard:${key}`,
    params,
    ...(details === undefined ? {} : { details }),
  };
}

/** Reads an object-shaped `details` of a dependency's result (checks pass data down this way). */
export function dependencyDetails(
  dependencies: ReadonlyMap<string, { details?: JsonValue }>,
  id: string,
): Record<string, JsonValue> | null {
  const details = dependencies.get(id)?.details;
  return details && typeof details === 'object' && !Array.isArray(details) ? details : null;
}
