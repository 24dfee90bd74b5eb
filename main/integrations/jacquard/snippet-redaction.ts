import { findTokenCandidates, isTokenPlaceholder, tokenPlaceholder } from './snippet-tokens.ts';

/** Shorter values in a token's place are test values or ids, and replacing them could mangle the text. */
const minTokenLength = 12;

interface Span {
  start: number;
  value: string;
}

function occurrences(text: string, value: string): Span[] {
  const spans: Span[] = [];
  for (let at = text.indexOf(value); at !== -1; at = text.indexOf(value, at + value.length))
    spans.push({ start: at, value });
  return spans;
}

/**
 * The snippets without any token: the stored one wherever it is, and each token candidate where it
 * was found. Only those spans change, so an id or a credential name that happens to equal a
 * candidate elsewhere in the text is kept as the CSM pasted it.
 */
export function redactSnippetTokens(text: string, storedToken: string | null): string {
  const stored = storedToken?.trim() || null;
  const spans = [
    ...findTokenCandidates(text, stored)
      .filter((c) => c.value.length >= minTokenLength && !isTokenPlaceholder(c.value))
      .map((c) => ({ start: c.index, value: c.value })),
    ...(stored ? occurrences(text, stored) : []),
  ].sort((a, b) => a.start - b.start);
  let out = '';
  let at = 0;
  for (const span of spans) {
    if (span.start < at) continue;
    out += text.slice(at, span.start) + tokenPlaceholder(span.value);
    at = span.start + span.value.length;
  }
  return out + text.slice(at);
}
