import type { SecretName } from '../../shared/types/ids.ts';
import { redactSnippetTokens } from '../jacquard/snippet-redaction.ts';

/**
 * Inputs that may carry a secret in pasted text. Their stored value has the secret taken out,
 * both when the input is saved and when the secret it may carry is saved later.
 */
export interface InputRedactor {
  inputId: string;
  secret: SecretName;
  redact(value: string, secretValue: string | null): string;
}

export const inputRedactors: readonly InputRedactor[] = [
  { inputId: 'jacquard.snippets', secret: 'jacquard.connectToken', redact: redactSnippetTokens },
];
