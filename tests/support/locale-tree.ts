/** A namespace's tree for one language, as stored in `shared/locales/<namespace>.json`. */
export type LocaleTree = { [key: string]: unknown };

/**
 * Flattens a locale tree to `dotted.key → value`. Values that are neither strings nor objects are
 * kept as they are, so a test can report them instead of silently skipping them.
 */
export function flattenLocale(tree: LocaleTree, prefix = ''): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      for (const [k, v] of flattenLocale(value as LocaleTree, path)) out.set(k, v);
    } else {
      out.set(path, value);
    }
  }
  return out;
}

/** Interpolation variables (`{{name}}`, `{{name, format}}`) a translated string uses, sorted. */
export function interpolationVariables(text: string): string[] {
  const names = [...text.matchAll(/\{\{\s*([^},\s]+)\s*(?:,[^}]*)?\}\}/g)].map((m) => m[1] ?? '');
  return [...new Set(names)].sort();
}
