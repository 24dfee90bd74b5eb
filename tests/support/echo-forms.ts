/**
 * The forms in which a server may quote a secret back, written the way servers and their libraries
 * write them (independently of the app's own scrubber): used by the scrubber's property tests and
 * by the loopback services that echo secrets (tests/support/echoing-service.ts).
 */
export const echoFormNames = [
  'raw',
  'json-escaped',
  'json-escaped-slash',
  'json-ascii',
  'url-encoded',
  'url-encoded-lowercase',
  'form-encoded',
  'html-escaped',
  'html-decimal',
  'html-hex',
  'base64',
  'base64url',
  'base64-bearer',
  'base64-basic',
  'run-of-12',
] as const;
export type EchoFormName = (typeof echoFormNames)[number];

const html: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#x27;',
};
const point = (c: string): number => c.codePointAt(0) ?? 0;
const base64 = (text: string): string => Buffer.from(text, 'utf8').toString('base64');

/** `secret` as a server that echoes it in `form` writes it. */
export function echoForm(secret: string, form: EchoFormName): string {
  switch (form) {
    case 'raw':
      return secret;
    case 'json-escaped':
      return JSON.stringify(secret).slice(1, -1);
    case 'json-escaped-slash':
      // PHP's json_encode and some Java encoders escape the slash.
      return JSON.stringify(secret).slice(1, -1).replaceAll('/', '\\/');
    case 'json-ascii':
      // Python's json.dumps (ensure_ascii): everything outside ASCII as \u escapes.
      return JSON.stringify(secret)
        .slice(1, -1)
        .replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
    case 'url-encoded':
      return encodeURIComponent(secret);
    case 'url-encoded-lowercase':
      return encodeURIComponent(secret).replace(/%[0-9A-F]{2}/g, (hex) => hex.toLowerCase());
    case 'form-encoded':
      return new URLSearchParams({ v: secret }).toString().slice(2);
    case 'html-escaped':
      return secret.replace(/[&<>"']/g, (c) => html[c] ?? c);
    case 'html-decimal':
      return secret.replace(/[^A-Za-z0-9]/gu, (c) => `&#${point(c)};`);
    case 'html-hex':
      return secret.replace(/[^A-Za-z0-9]/gu, (c) => `&#X${point(c).toString(16).toUpperCase()};`);
    case 'base64':
      return base64(secret);
    case 'base64url':
      return Buffer.from(secret, 'utf8').toString('base64url');
    case 'base64-bearer':
      return base64(`Bearer ${secret}`);
    case 'base64-basic':
      return `Basic ${base64(`apikey:${secret}`)}`;
    case 'run-of-12':
      // What is left of an echo cut off by a length limit.
      return secret.slice(1, 13);
  }
}
