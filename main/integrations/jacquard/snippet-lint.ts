import { createHash, timingSafeEqual } from 'node:crypto';
import {
  Liquid,
  Tag,
  type Liquid as LiquidEngine,
  type TagToken,
  type TopLevelToken,
} from 'liquidjs';
import { parseConnectedContent, urlParts } from './connected-content.ts';
import { replaceSnippetTokens } from './snippet-redaction.ts';
import { tokenCandidates, tokenPlaceholder } from './snippet-tokens.ts';

/**
 * Lints the Jacquard X snippets a CSM pasted (Braze Connected Content rules, braze.md §5). Every
 * finding is a message key plus parameters, never a copy of the token.
 */

/** An error breaks the snippet (the check fails); a warning is worth a look (it warns). */
export type Severity = 'error' | 'warning';

export interface Finding {
  severity: Severity;
  code: string;
  line: number | null;
  column: number | null;
  params: Record<string, string | number>;
}

export interface SnippetLint {
  findings: Finding[];
  /** How many `connected_content` calls were found. */
  calls: number;
  tokenMatch: 'match' | 'mismatch' | 'absent' | 'unknown';
  /** The snippets with every token occurrence replaced by •••. */
  preview: string;
}

const MASK = '•••';
const KNOWN_OPTIONS = new Set([
  'method',
  'headers',
  'body',
  'content_type',
  'save',
  'basic_auth',
  'cache_max_age',
  'no_cache',
  'retry',
]);
/** Braze tags besides connected_content that a snippet may use; they need no checking here. */
const OTHER_BRAZE_TAGS = ['abort_message', 'content_blocks', 'catalog_items'];
/** Where Braze keeps a JSON answer when the call has no `:save` (braze.md §5). */
const DEFAULT_SAVE_NAME = 'connected';
/** Most severe first: the check's headline is the first finding. */
const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1 };

interface Call {
  args: string;
  line: number;
  column: number;
  end: number;
}

function engine(calls: Call[]): LiquidEngine {
  const liquid = new Liquid();
  class ConnectedContent extends Tag {
    constructor(token: TagToken, remainTokens: TopLevelToken[], engine: LiquidEngine) {
      super(token, remainTokens, engine);
      const [line = 1, column = 1] = token.getPosition();
      calls.push({ args: token.args, line, column, end: token.end });
    }
    // Linting never renders; liquidjs wants a generator here (an async render breaks it).
    *render(): Generator<unknown, void, unknown> {}
  }
  class Ignored extends Tag {
    *render(): Generator<unknown, void, unknown> {}
  }
  liquid.registerTag('connected_content', ConnectedContent);
  for (const name of OTHER_BRAZE_TAGS) liquid.registerTag(name, Ignored);
  return liquid;
}

/**
 * Braze's attribute syntax `{{${first_name}}}` is not Liquid; each `${name}` becomes a plain name
 * of the same length, so lines and columns in messages still match what the CSM pasted.
 */
const withoutBrazeAttributes = (text: string) =>
  text.replace(/\$\{([\w.]+)\}/g, (_, name: string) => `__${name}_`);

const digest = (s: string) => createHash('sha256').update(s).digest();
const sameSecret = (a: string, b: string) => timingSafeEqual(digest(a), digest(b));

function checkCall(call: Call, text: string, findings: Finding[]): void {
  const at = { line: call.line, column: call.column };
  const add = (severity: Severity, code: string, params: Finding['params'] = {}): void => {
    findings.push({ severity, code, ...at, params });
  };
  const parsed = parseConnectedContent(call.args);
  if (!parsed.url) return add('error', 'urlFirst');
  const parts = urlParts(parsed.url);
  if (!parts) return add('error', 'badUrl');
  if (parts.port !== 80 && parts.port !== 443) add('error', 'port', { port: parts.port });
  if (parts.protocol === 'http') add('warning', 'http');
  let saved: string | null = null;
  for (const { name, value } of parsed.options) {
    if (!KNOWN_OPTIONS.has(name)) {
      add('error', 'unknownOption', { option: `:${name}` });
      continue;
    }
    if (name === 'method' && !/^(get|post)$/i.test(value)) add('error', 'method', { value });
    if (name === 'cache_max_age') {
      const seconds = Number(value);
      if (!/^\d+$/.test(value) || seconds < 300 || seconds > 14_400)
        add('error', 'cacheMaxAge', { value });
    }
    if (name === 'headers') {
      try {
        JSON.parse(value.replace(/\{\{.*?\}\}/g, 'x'));
      } catch {
        add('error', 'headersJson');
      }
    }
    if (name === 'body' && value.startsWith('{') && /\s/.test(value)) add('warning', 'bodySpaces');
    if (name === 'save') saved = value.replace(/[^\w]/g, '');
  }
  // Jacquard answers in JSON, which Braze only keeps in a variable: unless the message reads that
  // variable afterwards, the language Jacquard picked never appears in it.
  const used = (name: string) => new RegExp(`\\{[{%][^}]*\\b${name}\\b`).test(text.slice(call.end));
  if (!saved) {
    if (!used(DEFAULT_SAVE_NAME)) add('error', 'noSave');
    return;
  }
  if (!used(saved)) add('error', 'saveUnused', { name: saved });
}

function hasTrackingPixel(text: string): boolean {
  return [...text.matchAll(/<img\b[^>]*>/gi)].some(([img]) => {
    const tiny = /width\s*=\s*["']?1(px)?\b/i.test(img) && /height\s*=\s*["']?1(px)?\b/i.test(img);
    return (
      tiny || /display\s*:\s*none/i.test(img) || /src\s*=\s*["'][^"']*(pixel|track)/i.test(img)
    );
  });
}

export function lintSnippets(text: string, storedToken: string | null): SnippetLint {
  const findings: Finding[] = [];
  const calls: Call[] = [];
  const token = storedToken?.trim() || null;
  // Every token in any form, then what is left standing for one: placeholders of tokens saved
  // earlier, and a stored token too short to be looked for in other forms.
  const mask = (s: string): string =>
    [token, ...tokenCandidates(s, token)].reduce<string>(
      (out, secret) => (secret ? out.split(secret).join(MASK) : out),
      replaceSnippetTokens(s, token, () => MASK),
    );
  try {
    engine(calls).parse(withoutBrazeAttributes(text));
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const pos = /line:(\d+), col:(\d+)/.exec(message);
    findings.push({
      severity: 'error',
      code: 'syntax',
      line: pos ? Number(pos[1]) : null,
      column: pos ? Number(pos[2]) : null,
      // First line only, without liquidjs's source excerpt; masked in case the token is quoted.
      params: { problem: mask(message.split('\n')[0]!.replace(/,? line:\d+, col:\d+.*$/, '')) },
    });
    return { findings, calls: 0, tokenMatch: 'unknown', preview: mask(text) };
  }
  if (calls.length === 0)
    findings.push({
      severity: 'error',
      code: 'noConnectedContent',
      line: null,
      column: null,
      params: {},
    });
  for (const call of calls) checkCall(call, text, findings);
  if (!hasTrackingPixel(text))
    findings.push({ severity: 'error', code: 'noPixel', line: null, column: null, params: {} });

  let tokenMatch: SnippetLint['tokenMatch'] = 'unknown';
  if (token) {
    const candidates = tokenCandidates(text, token);
    // Stored snippets hold a placeholder with the token's fingerprint (snippet-redaction.ts).
    const isStoredToken = (c: string) => sameSecret(c, token) || c === tokenPlaceholder(token);
    // One wrong token is enough to break the calls that carry it, whatever the others hold.
    if (candidates.some((c) => !isStoredToken(c))) tokenMatch = 'mismatch';
    else if (
      candidates.length > 0 ||
      text.includes(token) ||
      text.includes(tokenPlaceholder(token))
    )
      tokenMatch = 'match';
    else tokenMatch = 'absent';
    if (tokenMatch === 'mismatch')
      findings.push({
        severity: 'error',
        code: 'tokenMismatch',
        line: null,
        column: null,
        params: {},
      });
    if (tokenMatch === 'absent')
      findings.push({
        severity: 'warning',
        code: 'tokenAbsent',
        line: null,
        column: null,
        params: {},
      });
  } else {
    findings.push({
      severity: 'warning',
      code: 'noStoredToken',
      line: null,
      column: null,
      params: {},
    });
  }
  // Stable: within a severity, findings stay in the order of the snippets.
  findings.sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity]);
  return { findings, calls: calls.length, tokenMatch, preview: mask(text) };
}
