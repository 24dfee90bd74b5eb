/**
 * Bounds every bundle must respect, checked before the schema so a hostile or broken file costs
 * little to refuse. A bundle is one client: even with thousands of Braze segments it stays far
 * below these.
 */
export const bundleLimits = {
  /** Size of the file, in bytes of UTF-8. */
  maxBytes: 5 * 1024 * 1024,
  /** Nesting of objects and arrays. */
  maxDepth: 32,
  /** Any single string, key or value (a guide input holds at most 100 kB). */
  maxStringLength: 100_000,
  /** Keys of one object or items of one array. */
  maxEntries: 10_000,
  /** Inputs, confirmations and check results per client. */
  maxRecords: 1_000,
} as const;

/**
 * The one key that could reach an object's prototype: JSON.parse keeps it as an own key, but
 * writing it into another object (`out[key] = value`, as a record's parse or `Object.assign` does)
 * replaces that object's prototype instead of adding an entry. `constructor` and `prototype` are
 * ordinary own keys once parsed, and ids the app itself accepts (an input or a confirmation may be
 * named so): refusing them here made such a client's own export impossible to import.
 */
export const forbiddenKeys: ReadonlySet<string> = new Set(['__proto__']);
