const excerptLength = 120;

/**
 * A short, single-line excerpt of an answer that is not the service's own, so the CSM can
 * recognise what is in the way (a hotel login page, a proxy): markup removed. A secret the server
 * echoed back is removed where every check's outcome leaves for the engine (checks/engine.ts).
 */
export function textExcerpt(text: string): string {
  const shown = text
    .replace(/<(script|style)\b[\s\S]*?<\/\1\s*>/gi, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/[\p{Cc}\s]+/gu, ' ')
    .trim();
  return shown.length > excerptLength ? `${shown.slice(0, excerptLength - 1)}…` : shown;
}
