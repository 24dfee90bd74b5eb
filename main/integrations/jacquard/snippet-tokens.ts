import { createHash } from 'node:crypto';
import { distance } from 'fastest-levenshtein';

/** Where a snippet usually carries its token: a query parameter or an auth header. */
const TOKEN_IN_QUERY = /[?&](?:token|api_key|apikey|key|access_token|auth)=([^&\s"'{}]+)/gi;
const TOKEN_IN_HEADER =
  /"(?:authorization|x-api-key|x-auth-token|token|x-jacquard-token)"\s*:\s*"(?:bearer\s+|token\s+)?([^"{}]+)"/gi;
/** `:basic_auth` names a credential kept in Braze (braze.md §5): never a secret, never a token. */
const BASIC_AUTH_VALUE = /(:basic_auth\s+)([^\s%]+)/gi;
/** The pieces of free text a token could be: URL delimiters and markup split them. */
const WORD = /[^\s"'{}<>%/?&=#:;,|()[\]]+/g;
/** A token's kind, as in `jqx_`: a short word and a separator before the random part. */
const KIND_PREFIX = /^[A-Za-z][A-Za-z0-9]{1,7}[_-]/;

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

export interface TokenCandidate {
  value: string;
  /** Offset of the value in the text. */
  index: number;
  /** True when found in a token's named place (a query parameter or an auth header). */
  named: boolean;
}

/**
 * Outside its named places a value is a token only when it looks like the stored one: a copy with
 * a few characters wrong, or a token of the same kind and length (another client's, say). Record
 * ids, slugs and file names never do, however random they look.
 */
function resemblesToken(value: string, token: string): boolean {
  const kind = KIND_PREFIX.exec(token)?.[0];
  if (kind && value.length === token.length && value.startsWith(kind)) return true;
  return distance(value, token) <= Math.max(1, Math.floor(token.length / 10));
}

/**
 * The values in a snippet that stand for a connect token: whatever sits in a named place, and
 * elsewhere what resembles the stored token or is the placeholder of a token saved earlier.
 * `:basic_auth` values are never looked at.
 */
export function findTokenCandidates(text: string, storedToken: string | null): TokenCandidate[] {
  const found: TokenCandidate[] = [];
  const seen = new Set<number>();
  for (const m of [...text.matchAll(TOKEN_IN_QUERY), ...text.matchAll(TOKEN_IN_HEADER)]) {
    const raw = m[1]!;
    const value = raw.trim();
    const index = m.index + m[0].lastIndexOf(raw) + raw.indexOf(value);
    seen.add(index);
    found.push({ value, index, named: true });
  }
  const token = storedToken?.trim() || null;
  const free = text.replace(
    BASIC_AUTH_VALUE,
    (_, option: string, value: string) => option + ' '.repeat(value.length),
  );
  for (const m of free.matchAll(WORD)) {
    const value = m[0];
    if (seen.has(m.index)) continue;
    if (isTokenPlaceholder(value) || (token && resemblesToken(value, token)))
      found.push({ value, index: m.index, named: false });
  }
  return found.sort((a, b) => a.index - b.index);
}

export const tokenCandidates = (text: string, storedToken: string | null): string[] =>
  findTokenCandidates(text, storedToken).map((c) => c.value);
