import { decodeEscapes, escapeFamilies } from '../../redaction/escapes.ts';

/**
 * What a connect token looks like when the app does not know it yet: a short kind word and a
 * separator (`jqx_`, as API tokens are usually written), maybe a second short word (`live_`), then
 * a random part of 20 or more letters and digits, both present. Slugs, record ids and file names
 * have no such shape.
 */
const shape =
  '[A-Za-z][A-Za-z0-9]{1,7}[_-](?:[A-Za-z0-9]{1,8}[_-])?' +
  '(?=[A-Za-z0-9]*\\d)(?=[A-Za-z0-9]*[A-Za-z])[A-Za-z0-9]{20,}';
const wholeToken = new RegExp(`^${shape}$`);
const tokenInside = new RegExp(`(?<![A-Za-z0-9_-])${shape}(?![A-Za-z0-9])`);
const base64Text = /^[A-Za-z0-9+/_-]{16,}={0,2}$/;

/** The text with one layer of each kind of escape a URL or a header value may carry decoded. */
export const unescaped = (raw: string): string =>
  escapeFamilies
    .filter((family) => family !== 'form')
    .reduce((text, family) => decodeEscapes(text, family).text, raw);

/** Printable text that `raw` is the base64 (or base64url) of, or null. */
function fromBase64(raw: string): string | null {
  if (!base64Text.test(raw)) return null;
  const text = Buffer.from(raw, 'base64').toString('utf8');
  return /^[\x20-\x7e]+$/.test(text) ? text : null;
}

/**
 * The token a value stands for, if it has a token's shape: as written, escaped (percent-encoded,
 * HTML references, JSON escapes), or base64-encoded alone or inside `user:token` / `Bearer token`.
 */
export function tokenShapedIn(raw: string): string | null {
  const plain = unescaped(raw);
  if (wholeToken.test(plain)) return plain;
  return fromBase64(plain)?.match(tokenInside)?.[0] ?? null;
}
