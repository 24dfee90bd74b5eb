/**
 * Characters a terminal acts on instead of showing, or that change how the text around them is
 * shown: C0 and C1 controls (ESC and CSI start screen clears, cursor moves and window titles; CR
 * and LF start lines), DEL, the line and paragraph separators, and the bidirectional marks,
 * overrides and isolates that reorder what is displayed.
 */
const controlClass = '[\\p{Cc}\\u061C\\u200E\\u200F\\u2028\\u2029\\u202A-\\u202E\\u2066-\\u2069]';

const anyControl = new RegExp(controlClass, 'u');
const everyControl = new RegExp(controlClass, 'gu');

export const hasControlCharacters = (text: string): boolean => anyControl.test(text);

const named: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/**
 * The text with each such character written out as its escape (`\n`, `\u001b`), so it is seen
 * rather than obeyed. The escapes are JSON's own, so JSON text stays the same JSON.
 */
export const escapeControlCharacters = (text: string): string =>
  text.replace(
    everyControl,
    (c) => named[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
