import type { JsonValue } from '../../shared/types/checks.ts';
import {
  decodeEscapes,
  decodeView,
  escapeFamilies,
  mayHoldEscapes,
  type EscapedView,
} from './escapes.ts';
import { secretForms } from './secret-forms.ts';

/** What a removed secret leaves behind: no letters, so it reads the same in every language. */
export const redactedMark = '•••';

/**
 * Shorter values are not looked for: they cannot be told from ordinary words ("test", "x"), and
 * no service the app talks to issues secrets that short.
 */
export const minSecretLength = 8;

/** A run this long of any form of a secret is removed wherever it stands (a cut-off echo, say). */
export const secretRunLength = 12;

export interface Span {
  start: number;
  end: number;
}

interface Matcher {
  /** Every run of `secretRunLength` characters of every form. */
  runs: Set<string>;
  /**
   * Their rolling hashes as a bit table, so a long text is scanned without cutting a string at
   * each position: a hit is then checked against `runs`.
   */
  runHashes: Uint8Array;
  /** Forms shorter than a run, looked for whole. */
  short: string[];
  /** Some secret holds a space, which a form-encoded echo writes as `+`. */
  plusAsSpace: boolean;
}

const hashTableSize = 1 << 18;
const slot = (hash: number): number => (hash ^ (hash >>> 14)) & (hashTableSize - 1);

/** Polynomial hash of `secretRunLength` UTF-16 units, modulo 2^32. */
const base = 31;
const topWeight = Array.from({ length: secretRunLength - 1 }).reduce<number>(
  (weight) => Math.imul(weight, base),
  1,
);

function runHash(text: string, at: number): number {
  let hash = 0;
  for (let i = at; i < at + secretRunLength; i++)
    hash = (Math.imul(hash, base) + text.charCodeAt(i)) | 0;
  return hash;
}

/** Calls `found(i)` for each position where a run of `runs` starts in `text`. */
function eachRun(text: string, matcher: Matcher, found: (at: number) => void): void {
  if (text.length < secretRunLength) return;
  let hash = runHash(text, 0);
  for (let i = 0; ; i++) {
    if (matcher.runHashes[slot(hash)] === 1 && matcher.runs.has(text.slice(i, i + secretRunLength)))
      found(i);
    const next = i + secretRunLength;
    if (next >= text.length) return;
    const without = (hash - Math.imul(text.charCodeAt(i), topWeight)) | 0;
    hash = (Math.imul(without, base) + text.charCodeAt(next)) | 0;
  }
}

function matcherFor(secrets: ReadonlySet<string>): Matcher {
  const runs = new Set<string>();
  const short: string[] = [];
  for (const form of [...secrets].flatMap(secretForms)) {
    if (form.length < secretRunLength) short.push(form);
    for (let i = 0; i + secretRunLength <= form.length; i++)
      runs.add(form.slice(i, i + secretRunLength));
  }
  const runHashes = new Uint8Array(hashTableSize);
  for (const run of runs) runHashes[slot(runHash(run, 0))] = 1;
  return { runs, runHashes, short, plusAsSpace: [...secrets].some((s) => s.includes(' ')) };
}

/**
 * The ways `text` may hold a secret: as is, and with one or two layers of escapes decoded (a key
 * percent-encoded into a URL that is then JSON-escaped, say). `+` is read as a space only when a
 * secret holds a space.
 */
function viewsOf(text: string, plusAsSpace: boolean): Array<EscapedView | string> {
  const families = escapeFamilies.filter((family) => plusAsSpace || family !== 'form');
  const views: Array<EscapedView | string> = [text];
  for (const outer of families) {
    if (!mayHoldEscapes(text, outer)) continue;
    const once = decodeEscapes(text, outer);
    if (once.text === text) continue;
    views.push(once);
    for (const inner of families) {
      if (!mayHoldEscapes(once.text, inner)) continue;
      const twice = decodeView(once, inner);
      if (twice.text !== once.text) views.push(twice);
    }
  }
  return views;
}

function findIn(view: EscapedView | string, matcher: Matcher, found: Span[]): void {
  const text = typeof view === 'string' ? view : view.text;
  const mark = (start: number, end: number): void => {
    found.push(
      typeof view === 'string'
        ? { start, end }
        : { start: view.from[start]!, end: view.to[end - 1]! },
    );
  };
  eachRun(text, matcher, (at) => mark(at, at + secretRunLength));
  for (const form of matcher.short) {
    for (let at = text.indexOf(form); at !== -1; at = text.indexOf(form, at + 1))
      mark(at, at + form.length);
  }
}

/** Overlapping or touching spans as one, in order. */
function merged(spans: Span[]): Span[] {
  const out: Span[] = [];
  for (const span of spans.sort((a, b) => a.start - b.start)) {
    const last = out.at(-1);
    if (last && span.start <= last.end) last.end = Math.max(last.end, span.end);
    else out.push({ ...span });
  }
  return out;
}

/**
 * Takes the secrets a run holds out of whatever a service answered, before it is stored, emitted,
 * exported or printed. A server may quote a secret back in any form, so each is removed as is,
 * JSON- or JavaScript-escaped, percent-encoded (either hex case, `+` for a space), as HTML
 * character references, in UTF-8 bytes, in base64 or base64url (of the secret alone, of
 * `Bearer <secret>`, or inside a longer encoded value), and as any run of 12 or more consecutive
 * characters of any of these forms (an echo cut off by a length limit).
 */
export class SecretScrubber {
  readonly #secrets = new Set<string>();
  #matcher: Matcher | null = null;

  static of(secrets: Iterable<string | null | undefined>): SecretScrubber {
    const scrubber = new SecretScrubber();
    for (const secret of secrets) scrubber.add(secret);
    return scrubber;
  }

  /** Adds a secret to remove from now on (as it is sent: surrounding whitespace left out). */
  add(secret: string | null | undefined): void {
    const value = secret?.trim() ?? '';
    if (value.length < minSecretLength || this.#secrets.has(value)) return;
    this.#secrets.add(value);
    this.#matcher = null;
  }

  /** Where `text` holds a secret, in any form: sorted, merged spans of the original text. */
  spans(text: string): Span[] {
    if (this.#secrets.size === 0 || text.length < minSecretLength) return [];
    const matcher = (this.#matcher ??= matcherFor(this.#secrets));
    const found: Span[] = [];
    for (const view of viewsOf(text, matcher.plusAsSpace)) findIn(view, matcher, found);
    return merged(found);
  }

  /** `text` with every span holding a secret replaced by `mark`. */
  text(text: string, mark = redactedMark): string {
    const spans = this.spans(text);
    if (spans.length === 0) return text;
    let out = '';
    let at = 0;
    for (const span of spans) {
      out += text.slice(at, span.start) + mark;
      at = span.end;
    }
    return out + text.slice(at);
  }

  /** A JSON value with every string in it (keys included) scrubbed; numbers and booleans as they are. */
  json<T extends JsonValue>(value: T): T;
  json(value: JsonValue): JsonValue {
    if (typeof value === 'string') return this.text(value);
    if (value === null || typeof value !== 'object') return value;
    if (Array.isArray(value)) return value.map((item) => this.json(item));
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [this.text(key), this.json(item)]),
    );
  }
}
