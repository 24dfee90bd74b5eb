const excerptLength = 120;

/**
 * The forms a secret can take when a server echoes a request back: as sent, JSON-escaped (`\/`,
 * as some JSON encoders write a slash) and percent-encoded.
 */
const echoedForms = (secret: string): string[] => [
  ...new Set([secret, secret.replaceAll('/', '\\/'), encodeURIComponent(secret)]),
];

/**
 * A short, single-line excerpt of an answer that is not the service's own, so the CSM can
 * recognise what is in the way (a hotel login page, a proxy): markup removed, and each secret
 * blanked, in any form it may come back in, in case the server echoed the request.
 */
export function safeExcerpt(text: string, secrets: readonly string[]): string {
  let shown = text
    .replace(/<(script|style)\b[\s\S]*?<\/\1\s*>/gi, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/[\p{Cc}\s]+/gu, ' ')
    .trim();
  for (const form of secrets.filter((s) => s !== '').flatMap(echoedForms)) {
    shown = shown.split(form).join('•••');
  }
  return shown.length > excerptLength ? `${shown.slice(0, excerptLength - 1)}…` : shown;
}
