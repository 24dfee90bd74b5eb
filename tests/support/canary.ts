/**
 * Canary secrets: unique values whose every appearance is a leak. A leak may be encoded, so each
 * canary is looked for as typed, URL-encoded (either hex case), form-encoded, JSON-escaped, as
 * HTML character references, in base64 / base64url (the latter at the three byte alignments it can
 * have inside a longer encoded value, e.g. Basic auth or `Bearer <value>` encoded whole), and as
 * any run of 12 of its characters (an echo cut off by a length limit).
 */

export interface Canary {
  /** What the value is, for an assertion message (never the value itself). */
  label: string;
  value: string;
}

function base64Forms(value: string): string[] {
  const bytes = Buffer.from(value, 'utf8');
  const forms: string[] = [];
  for (let offset = 0; offset < 3; offset++) {
    const encoded = Buffer.concat([Buffer.alloc(offset), bytes]).toString('base64');
    // The first group mixes in the padding bytes, the last one whatever follows the value.
    const core = encoded.slice(offset === 0 ? 0 : 4, -4);
    forms.push(core, core.replaceAll('+', '-').replaceAll('/', '_'));
  }
  return forms;
}

/** The forms a server's HTML escaping may give: the usual five, or every sign as a reference. */
function htmlForms(value: string): { form: string; text: string }[] {
  const usual: Record<string, string> = {
    '&': '&amp;',
    '<': '&lt;',
    '>': '&gt;',
    '"': '&quot;',
    "'": '&#39;',
  };
  const code = (c: string) => c.codePointAt(0) ?? 0;
  return [
    { form: 'html-escaped', text: value.replace(/[&<>"']/g, (c) => usual[c] ?? c) },
    {
      form: 'html-escaped (decimal)',
      text: value.replace(/[^A-Za-z0-9]/gu, (c) => `&#${code(c)};`),
    },
    {
      form: 'html-escaped (hex)',
      text: value.replace(/[^A-Za-z0-9]/gu, (c) => `&#x${code(c).toString(16)};`),
    },
  ];
}

const minimumRun = 12;

/** Every run of `minimumRun` characters of the value: what is left of an echo cut short. */
function runsOf(value: string): string[] {
  const runs: string[] = [];
  for (let i = 0; i + minimumRun <= value.length; i++) runs.push(value.slice(i, i + minimumRun));
  return runs;
}

/** Every text form of a canary worth looking for, each with the name of its encoding. */
export function canaryForms(canary: Canary): { form: string; text: string }[] {
  const urlEncoded = encodeURIComponent(canary.value);
  const forms = [
    { form: 'plain', text: canary.value },
    { form: 'url-encoded', text: urlEncoded },
    {
      form: 'url-encoded (lowercase hex)',
      text: urlEncoded.replace(/%[0-9A-F]{2}/g, (hex) => hex.toLowerCase()),
    },
    { form: 'form-encoded', text: new URLSearchParams({ v: canary.value }).toString().slice(2) },
    { form: 'json-escaped', text: JSON.stringify(canary.value).slice(1, -1) },
    {
      form: 'json-escaped (\\/)',
      text: JSON.stringify(canary.value).slice(1, -1).replaceAll('/', '\\/'),
    },
    ...htmlForms(canary.value),
    ...base64Forms(canary.value).map((text) => ({ form: 'base64', text })),
    ...runsOf(canary.value).map((text) => ({ form: `a run of ${minimumRun} characters`, text })),
  ];
  const seen = new Set<string>();
  return forms.filter((f) => f.text.length >= minimumRun && !seen.has(f.text) && seen.add(f.text));
}

/** Which canaries a text holds, as "label (form) in where" lines; empty when there is none. */
export function findCanaries(text: string, canaries: readonly Canary[], where: string): string[] {
  const found: string[] = [];
  for (const canary of canaries) {
    const forms = new Set<string>();
    for (const { form, text: needle } of canaryForms(canary)) {
      if (text.includes(needle)) forms.add(form);
    }
    // A run is found wherever a whole form is, so it is named only when it is all there is.
    const named = forms.size > 1 ? [...forms].filter((f) => !f.startsWith('a run of')) : [...forms];
    for (const form of named) found.push(`${canary.label} (${form}) in ${where}`);
  }
  return found;
}

/** Collects every leak found instead of stopping at the first, so one run names them all. */
export class LeakLog {
  readonly found: string[] = [];
  scanned = 0;
  private readonly canaries: readonly Canary[];
  constructor(canaries: readonly Canary[]) {
    this.canaries = canaries;
  }
  scan(text: string, where: string): void {
    this.scanned++;
    this.found.push(...findCanaries(text, this.canaries, where));
  }
}
