import { escapeControlCharacters } from '../shared/text/control-characters.ts';

/**
 * Unexpected failures go to stderr with their stack. Nothing here ever receives a secret: handlers
 * pass errors, and the keychain wraps library errors before they travel. The lines are escaped as
 * the CLI's are, since an error's message may quote a request or a service's text.
 */
export function logError(context: string, error: unknown): void {
  const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
  const lines = `[partner-setup] ${context}: ${detail}`.split('\n');
  console.error(lines.map(escapeControlCharacters).join('\n'));
}
