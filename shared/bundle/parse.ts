import type { z } from 'zod';
import { computeChecksum } from './checksum.ts';
import { jsonErrorPlace } from './json-place.ts';
import { KnownArtifactsSchema } from './known-artifacts.ts';
import { bundleLimits, forbiddenKeys } from './limits.ts';
import { migrateBundle } from './migrate.ts';
import { expectedTypes, formatPath, type BundleProblem } from './problems.ts';
import { BundleSchema, bundleVersion, type Bundle } from './schema.ts';
import { secretInputIds } from '../guides/secret-inputs.ts';
import { controlCharactersIssue } from '../types/client.ts';
import { exceedsBundleSize, tooLargeProblem } from './size.ts';

export type ParsedBundle =
  | { ok: true; bundle: Bundle; /** The version the file was written in. */ from: number }
  | { ok: false; problem: BundleProblem };

export interface ParseOptions {
  /**
   * Import demands the checksum every export writes (files from version 2 on); a client file
   * written by hand for `partner-setup check` may leave it out. A checksum present is always verified.
   */
  requireChecksum: boolean;
}

const byteOrderMark = '\uFEFF';

const fail = (key: BundleProblem['key'], params: BundleProblem['params'] = {}): ParsedBundle => ({
  ok: false,
  problem: { key, params },
});

/**
 * Validates everything before anything is used: size, JSON syntax, shape limits and dangerous keys,
 * version (migrating older ones), schema, secrets and known artifacts, then the checksum. Returns
 * the first problem found.
 */
export async function parseBundle(file: string, options: ParseOptions): Promise<ParsedBundle> {
  // Editors on Windows often start a UTF-8 file with a byte-order mark; JSON.parse refuses it.
  const text = file.startsWith(byteOrderMark) ? file.slice(byteOrderMark.length) : file;
  if (exceedsBundleSize(new TextEncoder().encode(text).length)) {
    return { ok: false, problem: tooLargeProblem };
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return fail('notJson', jsonErrorPlace(text));
  }
  if (!isPlainRecord(data)) return fail('notObject');
  const shapeProblem = checkShape(data);
  if (shapeProblem) return { ok: false, problem: shapeProblem };

  const migrated = migrateBundle(data);
  if (!migrated.ok) {
    if (migrated.reason === 'missing') return fail('missingVersion');
    if (migrated.reason === 'newer') {
      return fail('newerVersion', { version: migrated.version ?? 0, supported: bundleVersion });
    }
    return fail('unknownVersion', { field: 'version' });
  }
  const parsed = BundleSchema.safeParse(migrated.document);
  if (!parsed.success) {
    return { ok: false, problem: schemaProblem(parsed.error, migrated.document) };
  }
  const contentProblem = checkContent(parsed.data);
  if (contentProblem) return { ok: false, problem: contentProblem };

  const { checksum } = parsed.data;
  if (checksum === undefined) {
    if (options.requireChecksum && migrated.from >= 2) return fail('checksumMissing');
  } else if ((await computeChecksum(data)) !== checksum) {
    return fail('checksumMismatch');
  }
  return { ok: true, bundle: parsed.data, from: migrated.from };
}

const isPlainRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Depth, entry counts, string lengths and prototype keys, over the whole tree (iteratively). */
function checkShape(root: Record<string, unknown>): BundleProblem | null {
  const stack: Array<{ value: unknown; path: PropertyKey[] }> = [{ value: root, path: [] }];
  while (stack.length > 0) {
    const { value, path } = stack.pop()!;
    const field = () => formatPath(path);
    if (typeof value === 'string') {
      if (value.length > bundleLimits.maxStringLength) {
        return {
          key: 'stringTooLong',
          params: { field: field(), max: bundleLimits.maxStringLength },
        };
      }
      continue;
    }
    if (value === null || typeof value !== 'object') continue;
    if (path.length >= bundleLimits.maxDepth) {
      return { key: 'tooDeep', params: { field: field(), max: bundleLimits.maxDepth } };
    }
    const entries: Array<[PropertyKey, unknown]> = Array.isArray(value)
      ? value.map((item, index) => [index, item])
      : Object.entries(value);
    if (entries.length > bundleLimits.maxEntries) {
      return { key: 'tooManyEntries', params: { field: field(), max: bundleLimits.maxEntries } };
    }
    for (const [key, child] of entries) {
      const childPath = [...path, key];
      if (typeof key === 'string') {
        if (forbiddenKeys.has(key)) {
          return { key: 'forbiddenKey', params: { field: formatPath(childPath) } };
        }
        if (key.length > bundleLimits.maxStringLength) {
          return {
            key: 'stringTooLong',
            params: { field: field(), max: bundleLimits.maxStringLength },
          };
        }
      }
      stack.push({ value: child, path: childPath });
    }
  }
  return null;
}

/**
 * What the schema alone lets through: a secret input's value under `inputs` (the schema accepts any
 * input id), and a known artifact its reader could not read.
 */
function checkContent(bundle: Bundle): BundleProblem | null {
  const secretInput = Object.keys(bundle.inputs ?? {}).find((id) => secretInputIds.has(id));
  if (secretInput !== undefined) {
    return { key: 'secretField', params: { field: formatPath(['inputs', secretInput]) } };
  }
  const artifacts = KnownArtifactsSchema.safeParse(bundle.artifacts ?? {});
  if (!artifacts.success) return schemaProblem(artifacts.error, bundle.artifacts, ['artifacts']);
  return null;
}

const secretLike = /key|secret|token|password/i;

/**
 * The first schema issue, as a problem naming the field (`at` is where the validated value sits
 * in the file). Never quotes the offending value.
 */
function schemaProblem(
  error: z.ZodError,
  document: unknown,
  at: readonly PropertyKey[] = [],
): BundleProblem {
  const issue = error.issues[0];
  if (!issue) return { key: 'invalidValue', params: { field: formatPath(at) } };
  const field = formatPath([...at, ...issue.path]);
  switch (issue.code) {
    case 'invalid_type': {
      if (valueAt(document, issue.path) === undefined) {
        return { key: 'missingField', params: { field } };
      }
      const expected = (expectedTypes as readonly string[]).includes(issue.expected)
        ? issue.expected
        : 'other';
      return { key: 'wrongType', params: { field, expected } };
    }
    case 'too_big':
      if (issue.origin === 'string') {
        return { key: 'stringTooLong', params: { field, max: Number(issue.maximum) } };
      }
      return { key: 'tooManyEntries', params: { field, max: Number(issue.maximum) } };
    case 'unrecognized_keys': {
      const key = issue.keys[0] ?? '';
      const named = formatPath([...at, ...issue.path, key]);
      if (secretLike.test(key)) return { key: 'secretField', params: { field: named } };
      return { key: 'unknownField', params: { field: named } };
    }
    case 'custom':
      if (issue.params?.reason === controlCharactersIssue.reason) {
        return { key: 'controlCharacters', params: { field } };
      }
      return { key: 'tooManyEntries', params: { field, max: bundleLimits.maxRecords } };
    default:
      return { key: 'invalidValue', params: { field } };
  }
}

/** The value at a schema issue's path in the document (zod does not report the input itself). */
function valueAt(document: unknown, path: readonly PropertyKey[]): unknown {
  let current = document;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = Object.hasOwn(current, key)
      ? (current as Record<PropertyKey, unknown>)[key]
      : undefined;
  }
  return current;
}
