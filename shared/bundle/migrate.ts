import { bundleVersion } from './version.ts';

type Document = Record<string, unknown>;

/**
 * Upgrades of older documents, keyed by the version they start from. Version 1 is the client file
 * as first published: the same fields minus the review state, which version 2 only adds. Version 3
 * only adds optional fields to check results: a version 2 result keeps its shape, and without a
 * `basis` it reads as "recorded before results said what they were computed from", which the
 * verdict never counts as verified.
 */
export const bundleMigrations: Readonly<Record<number, (document: Document) => Document>> = {
  1: (document) => ({ ...document, version: 2 }),
  2: (document) => ({ ...document, version: 3 }),
};

export type MigrationResult =
  | { ok: true; document: Document; from: number }
  | { ok: false; reason: 'missing' | 'newer' | 'unknown'; version?: number };

/** Brings a document to the current version, or says why it cannot. */
export function migrateBundle(document: Document): MigrationResult {
  const { version } = document;
  if (version === undefined) return { ok: false, reason: 'missing' };
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return { ok: false, reason: 'unknown' };
  }
  if (version > bundleVersion) return { ok: false, reason: 'newer', version };
  let current = document;
  for (let v = version; v < bundleVersion; v++) {
    const step = bundleMigrations[v];
    if (!step) return { ok: false, reason: 'unknown', version };
    current = step(current);
  }
  return { ok: true, document: current, from: version };
}
