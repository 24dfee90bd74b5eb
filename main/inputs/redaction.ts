import type { SecretName } from '../../shared/integrations/lists.ts';
import { mainIntegrations } from '../integrations/registry.ts';

/**
 * Inputs that may carry a secret in pasted text. Their stored value has the secret taken out,
 * both when the input is saved and when the secret it may carry is saved later.
 */
export interface InputRedactor {
  inputId: string;
  secret: SecretName;
  redact(value: string, secretValue: string | null): string;
}

export const inputRedactors: readonly InputRedactor[] = mainIntegrations.flatMap(
  (m) => m.inputRedactors ?? [],
);

/** The value to store for one input of a client (`ClientSecrets.redactInput`, as inputs:set uses). */
export type RedactInput = (clientId: string, inputId: string, value: string) => Promise<string>;

/**
 * Every input of a client as it may be stored: each value through the same redaction as a value
 * the CSM saves, so inputs that arrive together (an imported bundle) keep no secret either.
 */
export async function redactInputs(
  clientId: string,
  inputs: Readonly<Record<string, string>>,
  redact: RedactInput,
): Promise<Record<string, string>> {
  const entries = await Promise.all(
    Object.entries(inputs).map(
      async ([inputId, value]) => [inputId, await redact(clientId, inputId, value)] as const,
    ),
  );
  return Object.fromEntries(entries);
}
