import { readdirSync, type Dirent } from 'node:fs';
import { join } from 'node:path';

/**
 * s3rver 3.7.1 lists delimiter queries wrongly for deep keys: its directory walk stops one level
 * below the prefix, so a common prefix appears only when an object sits directly under it (a
 * Currents folder, five levels deep, lists as empty). This replaces its store's `listObjects`
 * for delimiter `/` with what S3 documents: one directory read at the prefix's level, a common
 * prefix for every sub-directory holding at least one object. Flat listings keep s3rver's code.
 *
 * Pages: MaxKeys limits objects; the common prefixes between them come along (s3rver builds the
 * next continuation token from the last object key, so a page may not end on a prefix).
 */

const OBJECT_SUFFIX = '._S3rver_object';

interface ListOptions {
  delimiter?: string;
  startAfter?: string;
  prefix?: string;
  maxKeys?: number;
}

interface ListResult {
  objects: unknown[];
  commonPrefixes: string[];
  isTruncated: boolean;
}

export interface FilesystemStoreLike {
  getBucketPath(bucket: string): string;
  getMetadata(bucket: string, key: string): Promise<Record<string, unknown>>;
  listObjects(bucket: string, options: ListOptions): Promise<ListResult>;
}

type S3ObjectCtor = new (
  bucket: string,
  key: string,
  content: null,
  metadata: Record<string, unknown>,
) => unknown;

function readDir(path: string): Dirent[] {
  try {
    return readdirSync(path, { withFileTypes: true });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw err;
  }
}

/** True when some object lies anywhere below `dir`; stops at the first one found. */
function holdsObject(dir: string): boolean {
  const entries = readDir(dir);
  if (entries.some((e) => e.isFile() && e.name.endsWith(OBJECT_SUFFIX))) return true;
  return entries.some((e) => e.isDirectory() && holdsObject(join(dir, e.name)));
}

/** Keys and common prefixes directly under `prefix` for delimiter `/`, sorted as S3 sorts. */
export function listOneLevel(
  bucketPath: string,
  prefix: string,
): Array<{ key: string; isPrefix: boolean }> {
  const cut = prefix.lastIndexOf('/') + 1;
  const dirPart = prefix.slice(0, cut);
  const namePart = prefix.slice(cut);
  const items: Array<{ key: string; isPrefix: boolean }> = [];
  const dir = join(bucketPath, dirPart);
  for (const entry of readDir(dir)) {
    if (entry.isDirectory()) {
      if (entry.name.startsWith(namePart) && holdsObject(join(dir, entry.name))) {
        items.push({ key: `${dirPart}${entry.name}/`, isPrefix: true });
      }
    } else if (entry.name.endsWith(OBJECT_SUFFIX)) {
      const name = entry.name.slice(0, -OBJECT_SUFFIX.length);
      if (name.startsWith(namePart)) items.push({ key: `${dirPart}${name}`, isPrefix: false });
    }
  }
  // S3 orders by UTF-8 bytes; keys here are ASCII, so code-unit order is the same.
  return items.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

export function fixDelimiterListing(
  storeClass: { prototype: FilesystemStoreLike },
  S3Object: S3ObjectCtor,
): void {
  // eslint-disable-next-line @typescript-eslint/unbound-method -- called back with the store as `this`
  const flatListing = storeClass.prototype.listObjects;
  storeClass.prototype.listObjects = async function listObjects(
    this: FilesystemStoreLike,
    bucket: string,
    options: ListOptions,
  ): Promise<ListResult> {
    if (options.delimiter !== '/') return flatListing.call(this, bucket, options);
    const { startAfter = '', prefix = '', maxKeys = Infinity } = options;
    const keys: string[] = [];
    const commonPrefixes: string[] = [];
    let isTruncated = false;
    for (const item of listOneLevel(this.getBucketPath(bucket), prefix)) {
      if (item.key <= startAfter) continue;
      if (item.isPrefix) {
        commonPrefixes.push(item.key);
      } else if (keys.length < maxKeys) {
        keys.push(item.key);
      } else {
        isTruncated = true;
        break;
      }
    }
    // The next page starts after the last object, so prefixes beyond it belong to that page.
    const lastKey = keys.at(-1);
    const pagePrefixes =
      isTruncated && lastKey !== undefined
        ? commonPrefixes.filter((p) => p < lastKey)
        : commonPrefixes;
    const objects = await Promise.all(
      keys.map(async (key) => new S3Object(bucket, key, null, await this.getMetadata(bucket, key))),
    );
    return { objects, commonPrefixes: pagePrefixes, isTruncated };
  };
}
