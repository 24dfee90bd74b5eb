/** What a host rule reads: a client's inputs (the store's client, a bundle's, a client file's). */
export interface ClientInputs {
  inputs: Record<string, string>;
}

/**
 * An address as a destination: its origin (scheme, host and port: a path or a trailing slash does
 * not move a secret anywhere else), or the text itself when it is no URL, so that any edit of
 * such text still counts as a change. Null for an empty address.
 */
export function destinationOf(address: string): string | null {
  const text = address.trim();
  if (text === '') return null;
  try {
    const url = new URL(text);
    if (url.host !== '') return url.origin;
  } catch {
    // Not a URL: compared as typed.
  }
  return text;
}

/** A service's own fixed hosts, as one destination. */
export const hostSet = (bases: readonly string[]): string =>
  bases.map((base) => destinationOf(base) ?? base).join(', ');
