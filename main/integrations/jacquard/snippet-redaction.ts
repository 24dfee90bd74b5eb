import { SecretScrubber } from '../../redaction/secret-scrubber.ts';
import { findTokenCandidates, isTokenPlaceholder, tokenPlaceholder } from './snippet-tokens.ts';

/** Shorter values in a token's place are test values or ids, and replacing them could mangle the text. */
const minTokenLength = 12;

/**
 * The snippets with every token replaced by `markFor(token)`: each candidate where it was found
 * (only those spans change, so an id or a credential name that happens to equal a candidate
 * elsewhere is kept as the CSM pasted it), then the stored token and every token found in a named
 * place wherever else they are, in any form a secret can be written in (escaped, percent-encoded,
 * base64, a run of 12 of its characters).
 */
export function replaceSnippetTokens(
  text: string,
  storedToken: string | null,
  markFor: (token: string) => string,
): string {
  const stored = storedToken?.trim() || null;
  const candidates = findTokenCandidates(text, stored).filter(
    (c) => c.value.length >= minTokenLength && !isTokenPlaceholder(c.value),
  );
  let out = '';
  let at = 0;
  for (const candidate of candidates) {
    if (candidate.index < at) continue;
    out += text.slice(at, candidate.index) + markFor(candidate.value);
    at = candidate.index + candidate.length;
  }
  out += text.slice(at);
  const known = new Set(
    [stored, ...candidates.filter((c) => c.named).map((c) => c.value)].filter(
      (token): token is string => token !== null && token.length >= minTokenLength,
    ),
  );
  for (const token of known) out = SecretScrubber.of([token]).text(out, markFor(token));
  return out;
}

/**
 * The snippets as the store keeps them: each token replaced by a placeholder naming only a short
 * fingerprint of it, whether or not the token itself was saved first.
 */
export const redactSnippetTokens = (text: string, storedToken: string | null): string =>
  replaceSnippetTokens(text, storedToken, tokenPlaceholder);
