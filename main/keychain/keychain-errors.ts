import { AppError } from '../../shared/errors.ts';

/** Translated texts for keychain failures; each names the fix. */
export interface KeychainMessages {
  unavailable: string;
  locked: string;
}

/**
 * Turns the keyring library's errors into the two situations a CSM can act on. The library's own
 * text goes into `cause` only: it never contains the secret, but it is not for the CSM either.
 */
export function keychainFailure(error: unknown, messages: KeychainMessages): AppError {
  if (error instanceof AppError) return error;
  const text = error instanceof Error ? error.message : String(error);
  if (/no result found|locked|prompt|dismissed|cancel/i.test(text)) {
    return new AppError('KEYCHAIN_LOCKED', messages.locked, { cause: error });
  }
  return new AppError('KEYCHAIN_UNAVAILABLE', messages.unavailable, { cause: error });
}
