/**
 * Line and column where a text stops being valid JSON. V8's own message quotes the text around
 * the error, which in a mistaken file (a `.env`, a bare key) is a secret, and names no position
 * for an unexpected character; so the place is found by bisecting for the longest prefix that
 * could still begin a valid document (a file cut short is placed at its end).
 */
export function jsonErrorPlace(raw: string): { line: number; column: number } {
  let valid = 0;
  let invalid = raw.length + 1;
  while (invalid - valid > 1) {
    const middle = Math.floor((valid + invalid) / 2);
    if (couldBeginJson(raw.slice(0, middle))) valid = middle;
    else invalid = middle;
  }
  const before = raw.slice(0, valid).split('\n');
  return { line: before.length, column: (before.at(-1) ?? '').length + 1 };
}

function couldBeginJson(prefix: string): boolean {
  try {
    JSON.parse(prefix);
    return true;
  } catch (error) {
    // Cut-off input either ends early or fails exactly at its end (`-`, `1e`, `{"a"`).
    const message = (error as Error).message;
    const position = /at position (\d+)/.exec(message)?.[1];
    if (position !== undefined) return Number(position) >= prefix.length;
    return /end of JSON input/.test(message);
  }
}
