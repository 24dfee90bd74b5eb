const htmlEntities: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Safe in element content and in quoted attributes. */
export const escapeHtml = (value: string | number): string =>
  String(value).replace(/[&<>"']/g, (c) => htmlEntities[c] ?? c);

/**
 * Text that Markdown must show literally: every character with a meaning in CommonMark or GFM
 * tables is backslash-escaped, raw HTML cannot open, and line breaks stay inside their cell.
 */
export const escapeMarkdown = (value: string | number): string =>
  String(value)
    .replace(/[\\`*_[\]#|<>~&]/g, (c) => `\\${c}`)
    .replace(/\r?\n/g, ' ');
