/**
 * Unexpected failures go to stderr with their stack. Nothing here ever receives a secret: handlers
 * pass errors, and the keychain wraps library errors before they travel.
 */
export function logError(context: string, error: unknown): void {
  const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
  console.error(`[partner-setup] ${context}: ${detail}`);
}
