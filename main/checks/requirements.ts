import type { CheckDefinition, CheckOutcome, SecretReader } from './types.ts';
import type { Client } from '../../shared/types/client.ts';
import { outcomeForError, skipped } from './outcomes.ts';
import { inputValue } from '../../shared/guides/index.ts';

export interface RequirementContext {
  client: Client;
  secrets: SecretReader;
  optIns: ReadonlySet<string>;
  offline: boolean;
}

export { inputValue };

/**
 * Why a check cannot run at all (opt-in, offline, missing input or secret), or null when it can.
 * Cheap local tests first, so a check that is not opted in never touches the keychain.
 */
export async function unmetRequirement(
  def: CheckDefinition,
  ctx: RequirementContext,
): Promise<CheckOutcome | null> {
  const { requires } = def;
  if (requires.optIn && !ctx.optIns.has(requires.optIn)) {
    return skipped('notOptedIn', { optIn: requires.optIn });
  }
  if (requires.network && ctx.offline) return skipped('offline');
  for (const input of requires.inputs ?? []) {
    if (inputValue(ctx.client, input) === '') return skipped('missingInput', { input });
  }
  for (const secret of requires.secrets ?? []) {
    try {
      if (!(await ctx.secrets.get(secret))) return skipped('missingSecret', { secret });
    } catch (error) {
      return outcomeForError(error);
    }
  }
  return null;
}
