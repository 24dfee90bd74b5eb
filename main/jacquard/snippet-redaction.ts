import { isTokenPlaceholder, tokenCandidates, tokenPlaceholder } from './snippet-tokens.ts';

/** Shorter values in a token's place are test values or ids, and replacing them could mangle the text. */
const minTokenLength = 12;

/** The snippets without any token: every token in a recognised place, and the stored one anywhere. */
export function redactSnippetTokens(text: string, storedToken: string | null): string {
  const tokens = new Set(
    tokenCandidates(text).filter((c) => c.length >= minTokenLength && !isTokenPlaceholder(c)),
  );
  const stored = storedToken?.trim();
  if (stored) tokens.add(stored);
  let out = text;
  for (const token of tokens) out = out.split(token).join(tokenPlaceholder(token));
  return out;
}
