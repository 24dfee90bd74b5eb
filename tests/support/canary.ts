/**
 * Canary secrets: unique values whose every appearance is a leak. A leak may be encoded, so each
 * canary is looked for as typed, URL-encoded, JSON-escaped and in base64 / base64url, the latter
 * at the three byte alignments it can have inside a longer encoded value (e.g. Basic auth).
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

/** Every text form of a canary worth looking for, each with the name of its encoding. */
export function canaryForms(canary: Canary): { form: string; text: string }[] {
  const forms = [
    { form: 'plain', text: canary.value },
    { form: 'url-encoded', text: encodeURIComponent(canary.value) },
    { form: 'form-encoded', text: new URLSearchParams({ v: canary.value }).toString().slice(2) },
    { form: 'json-escaped', text: JSON.stringify(canary.value).slice(1, -1) },
    ...base64Forms(canary.value).map((text) => ({ form: 'base64', text })),
  ];
  const seen = new Set<string>();
  return forms.filter((f) => f.text.length >= 12 && !seen.has(f.text) && seen.add(f.text));
}

/** Which canaries a text holds, as "label (form) in where" lines; empty when there is none. */
export function findCanaries(text: string, canaries: readonly Canary[], where: string): string[] {
  const found: string[] = [];
  for (const canary of canaries) {
    for (const { form, text: needle } of canaryForms(canary)) {
      if (text.includes(needle)) found.push(`${canary.label} (${form}) in ${where}`);
    }
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
