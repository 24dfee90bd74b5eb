import { createHash } from 'node:crypto';

/** Where a snippet usually carries its token: a query parameter or an auth header. */
const TOKEN_IN_QUERY = /[?&](?:token|api_key|apikey|key|access_token|auth)=([^&\s"'{}]+)/gi;
const TOKEN_IN_HEADER =
  /"(?:authorization|x-api-key|x-auth-token|token|x-jacquard-token)"\s*:\s*"(?:bearer\s+|token\s+)?([^"{}]+)"/gi;

export function tokenCandidates(text: string): string[] {
  return [...text.matchAll(TOKEN_IN_QUERY), ...text.matchAll(TOKEN_IN_HEADER)].map((m) =>
    m[1]!.trim(),
  );
}

/**
 * Pasted Jacquard X snippets carry the connect server token, which is a secret: the store keeps
 * the snippets with each token replaced by a placeholder naming only a short fingerprint of it,
 * so the lint can still tell a matching token from a wrong one without the token being stored.
 */
const placeholderPattern = /^connect-token-[0-9a-f]{12}$/;

export const tokenPlaceholder = (token: string): string =>
  'connect-token-' + createHash('sha256').update(token).digest('hex').slice(0, 12);

export const isTokenPlaceholder = (candidate: string): boolean =>
  placeholderPattern.test(candidate);
