import { createHash } from 'node:crypto';
import { distance } from 'fastest-levenshtein';
import { tokenShapedIn, unescaped } from './snippet-token-shape.ts';

/** A numeric character reference (`&#95;`) belongs to the value it is in, not a new parameter. */
const VALUE_CHAR = `(?:&#[xX]?[0-9A-Fa-f]{1,6};|[^&\\s"'{}])`;
/** Where a snippet usually carries its token: a query parameter or an auth header. */
const TOKEN_IN_QUERY = new RegExp(
  `[?&](?:token|api_key|apikey|key|access_token|auth)=(${VALUE_CHAR}+)`,
  'gi',
);
const TOKEN_IN_HEADER =
  /"(?:authorization|x-api-key|x-auth-token|token|x-jacquard-token)"\s*:\s*"(?:bearer\s+|token\s+|basic\s+)?([^"{}]+)"/gi;
/** Any header of a `:headers` object (or a JSON body): its value is looked at for a token's shape. */
const HEADER_VALUE = /"[\w-]+"\s*:\s*"(?:bearer\s+|token\s+|basic\s+)?([^"{}]+)"/gi;
/** The snippets' URLs, Liquid output (`{{${user_id}}}`) included, up to a quote, a space or a tag. */
const URL_IN_TEXT = /https?:\/\/(?:\{\{(?:[^{}]|\{[^{}]*\})*\}\}|[^\s"'<>{}])+/gi;
/** A URL's path segments and query values: where a token may also sit, unnamed. */
const URL_PART = /(?:&#[xX]?[0-9A-Fa-f]{1,6};|[^/?&#=])+/g;
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
  /** The token it stands for: escapes decoded, taken out of base64 when it was encoded. */
  value: string;
  /** Offset and length of what stands for it in the text. */
  index: number;
  length: number;
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

/** Path segments and query values of the snippets' URLs, and header values, that have a token's shape. */
function shapedTokens(text: string): TokenCandidate[] {
  const found: TokenCandidate[] = [];
  for (const m of text.matchAll(HEADER_VALUE)) {
    const raw = m[1]!;
    const value = tokenShapedIn(raw.trim());
    if (value === null) continue;
    const index = m.index + m[0].lastIndexOf(raw) + raw.indexOf(raw.trim());
    found.push({ value, index, length: raw.trim().length, named: false });
  }
  for (const url of text.matchAll(URL_IN_TEXT)) {
    const hostStart = url[0].indexOf('//') + 2;
    const hostLength = url[0].slice(hostStart).search(/[/?#]/);
    if (hostLength === -1) continue;
    const tailStart = hostStart + hostLength;
    for (const part of url[0].slice(tailStart).matchAll(URL_PART)) {
      const value = tokenShapedIn(part[0]);
      if (value !== null)
        found.push({
          value,
          index: url.index + tailStart + part.index,
          length: part[0].length,
          named: false,
        });
    }
  }
  return found;
}

/**
 * The values in a snippet that stand for a connect token: whatever sits in a named place, what
 * has a token's shape in a URL's path or query (escaped or base64-encoded included), and elsewhere
 * what resembles the stored token or is the placeholder of a token saved earlier. `:basic_auth`
 * values are never looked at.
 */
export function findTokenCandidates(text: string, storedToken: string | null): TokenCandidate[] {
  const found: TokenCandidate[] = [];
  const covers = (index: number) =>
    found.some((c) => index >= c.index && index < c.index + c.length);
  for (const m of [...text.matchAll(TOKEN_IN_QUERY), ...text.matchAll(TOKEN_IN_HEADER)]) {
    const raw = m[1]!;
    const written = raw.trim();
    const index = m.index + m[0].lastIndexOf(raw) + raw.indexOf(written);
    const value = tokenShapedIn(written) ?? unescaped(written);
    found.push({ value, index, length: written.length, named: true });
  }
  for (const candidate of shapedTokens(text)) if (!covers(candidate.index)) found.push(candidate);
  const token = storedToken?.trim() || null;
  const free = text.replace(
    BASIC_AUTH_VALUE,
    (_, option: string, value: string) => option + ' '.repeat(value.length),
  );
  for (const m of free.matchAll(WORD)) {
    const value = m[0];
    if (covers(m.index)) continue;
    if (isTokenPlaceholder(value) || (token && resemblesToken(value, token)))
      found.push({ value, index: m.index, length: value.length, named: false });
  }
  return found.sort((a, b) => a.index - b.index);
}

export const tokenCandidates = (text: string, storedToken: string | null): string[] =>
  findTokenCandidates(text, storedToken).map((c) => c.value);
