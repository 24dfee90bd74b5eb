/**
 * The checksum covers a canonical serialization, so re-indenting or re-ordering keys (as editors
 * and other JSON tools do) leaves it valid, while any change of a value breaks it.
 */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** `sha256:<hex>` over every field of the document but `checksum` itself. */
export async function computeChecksum(document: Record<string, unknown>): Promise<string> {
  const rest = { ...document };
  delete rest.checksum;
  const bytes = new TextEncoder().encode(canonicalJson(rest));
  const digest = await globalThis.crypto.subtle.digest('SHA-256', bytes);
  const hex = [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `sha256:${hex}`;
}
