/**
 * The literal forms a secret takes when a server quotes it back encoded rather than escaped:
 * its UTF-8 bytes (what percent-decoding yields) and base64. Escaped forms (percent, JSON, HTML)
 * are found by decoding the text instead (escapes.ts).
 */

/** Authorization schemes whose header value some gateways echo base64-encoded as a whole. */
const schemes = ['Bearer '];

/**
 * The base64 characters that only the secret's own bytes determine when it starts `offset` bytes
 * into a longer value (`Basic user:secret`, a JSON document): the characters at either end mix in
 * the neighbouring bytes.
 */
function base64Core(bytes: Buffer, offset: number): string {
  const encoded = Buffer.concat([Buffer.alloc(offset), bytes]).toString('base64');
  return encoded.slice(Math.ceil((8 * offset) / 6), Math.floor((8 * (offset + bytes.length)) / 6));
}

const urlSafe = (base64: string): string => base64.replaceAll('+', '-').replaceAll('/', '_');

/** Every literal form of `secret` worth looking for, longest first. */
export function secretForms(secret: string): string[] {
  const bytes = Buffer.from(secret, 'utf8');
  // Padding says nothing about the secret, and base64url often goes without it.
  const base64 = [
    bytes.toString('base64'),
    ...schemes.map((scheme) => Buffer.from(`${scheme}${secret}`, 'utf8').toString('base64')),
    ...[0, 1, 2].map((offset) => base64Core(bytes, offset)),
  ].map((encoded) => encoded.replace(/=+$/, ''));
  const forms = [secret, bytes.toString('latin1'), ...base64, ...base64.map(urlSafe)];
  return [...new Set(forms)].filter((form) => form.length > 0).sort((a, b) => b.length - a.length);
}
