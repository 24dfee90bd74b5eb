/**
 * A server that quotes a request back may escape it first: percent-encoding (either hex case, `+`
 * for a space in a form), JSON or JavaScript string escapes, HTML character references. To find a
 * secret in such a text, the text is decoded, and each decoded character remembers which
 * characters of the original it came from, so whatever is found is removed from the original in
 * whole escapes. Each family of escapes is decoded on its own: a secret may itself hold what reads
 * as another family's escape (`%AB` in a key that is then HTML-escaped).
 */
export interface EscapedView {
  /** The text with one layer of escapes decoded. */
  text: string;
  /** For each UTF-16 unit of `text`: the span of the original text it came from. */
  from: Int32Array;
  to: Int32Array;
}

export const escapeFamilies = ['percent', 'form', 'backslash', 'html'] as const;
export type EscapeFamily = (typeof escapeFamilies)[number];

/** The character each family's escapes start with; a text without it has nothing to decode. */
const familyStarts: Record<EscapeFamily, RegExp> = {
  percent: /%/g,
  form: /[%+]/g,
  backslash: /\\/g,
  html: /&/g,
};

export const mayHoldEscapes = (text: string, family: EscapeFamily): boolean =>
  text.search(familyStarts[family]) !== -1;

/** Named character references worth decoding: the ones escapers write for URL and JSON syntax. */
const namedReferences: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  sol: '/',
  bsol: '\\',
  plus: '+',
  equals: '=',
  percnt: '%',
  num: '#',
  excl: '!',
  quest: '?',
  colon: ':',
  semi: ';',
  comma: ',',
  period: '.',
  lowbar: '_',
  hyphen: '-',
  dash: '-',
  tilde: '~',
  commat: '@',
  dollar: '$',
  ast: '*',
  lpar: '(',
  rpar: ')',
  lsqb: '[',
  rsqb: ']',
  lcub: '{',
  rcub: '}',
  verbar: '|',
  grave: '`',
  Hat: '^',
  nbsp: '\u00a0',
};

const jsonSimple: Record<string, string> = {
  '/': '/',
  '\\': '\\',
  '"': '"',
  "'": "'",
  n: '\n',
  r: '\r',
  t: '\t',
  b: '\b',
  f: '\f',
};

const reference = /&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([A-Za-z]{2,8}));?/y;
const hexAt = (text: string, at: number, length: number): number | null => {
  const digits = text.slice(at, at + length);
  return digits.length === length && /^[0-9a-fA-F]+$/.test(digits) ? parseInt(digits, 16) : null;
};

/** What the escape starting at `at` stands for and how long it is, or null for a plain character. */
function escapeAt(text: string, at: number): { value: string; length: number } | null {
  const c = text[at];
  if (c === '+') return { value: ' ', length: 1 };
  if (c === '%') {
    const byte = hexAt(text, at + 1, 2);
    return byte === null ? null : { value: String.fromCharCode(byte), length: 3 };
  }
  if (c === '\\') {
    const next = text[at + 1] ?? '';
    if (next === 'u') {
      const unit = hexAt(text, at + 2, 4);
      return unit === null ? null : { value: String.fromCharCode(unit), length: 6 };
    }
    if (next === 'x') {
      const unit = hexAt(text, at + 2, 2);
      return unit === null ? null : { value: String.fromCharCode(unit), length: 4 };
    }
    const simple = jsonSimple[next];
    return simple === undefined ? null : { value: simple, length: 2 };
  }
  if (c === '&') {
    reference.lastIndex = at;
    const m = reference.exec(text);
    if (!m) return null;
    const [whole, decimal, hex, name] = m;
    if (name !== undefined) {
      const named = namedReferences[name];
      // A named reference needs its semicolon: `&copy` in a query is a parameter, not ©.
      return named !== undefined && whole.endsWith(';')
        ? { value: named, length: whole.length }
        : null;
    }
    const point = decimal !== undefined ? Number(decimal) : parseInt(hex ?? '', 16);
    if (point > 0x10ffff) return null;
    return { value: String.fromCodePoint(point), length: whole.length };
  }
  return null;
}

/** The text with one layer of one family's escapes decoded; undecodable ones stay as they are. */
export function decodeEscapes(text: string, family: EscapeFamily): EscapedView {
  // A decoded unit never takes more room than its escape (an astral reference is ≥ 8 characters).
  const from = new Int32Array(text.length);
  const to = new Int32Array(text.length);
  const parts: string[] = [];
  let n = 0;
  const starts = new RegExp(familyStarts[family]);
  let at = 0;
  const keep = (end: number): void => {
    for (let i = at; i < end; i++, n++) {
      from[n] = i;
      to[n] = i + 1;
    }
    parts.push(text.slice(at, end));
    at = end;
  };
  for (let m = starts.exec(text); m !== null; m = starts.exec(text)) {
    if (m.index < at) continue;
    const escape = escapeAt(text, m.index);
    if (!escape) continue;
    keep(m.index);
    for (let i = 0; i < escape.value.length; i++, n++) {
      from[n] = at;
      to[n] = at + escape.length;
    }
    parts.push(escape.value);
    at += escape.length;
    starts.lastIndex = at;
  }
  keep(text.length);
  return { text: parts.join(''), from: from.subarray(0, n), to: to.subarray(0, n) };
}

/** A view decoded again: its spans still point into the original text. */
export function decodeView(view: EscapedView, family: EscapeFamily): EscapedView {
  const again = decodeEscapes(view.text, family);
  const from = again.from.map((start) => view.from[start]!);
  const to = again.to.map((end) => view.to[end - 1]!);
  return { text: again.text, from, to };
}
