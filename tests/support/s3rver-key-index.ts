import { readdirSync } from 'node:fs';
import { sep } from 'node:path';
import type { FilesystemStoreInstance } from 's3rver/lib/stores/filesystem.js';

/**
 * S3 answers a listing from its key index: a page costs what its own keys cost, however many
 * objects the bucket holds, and no object is opened to list it. s3rver 3.7.1 instead walks the
 * directories (a `stat` per file, the MD5 and metadata files included), reads every listed
 * object's metadata and MD5 files from disk, and its delimiter walk stops one level below the
 * prefix (a Currents folder, five levels deep, lists as empty). Listing an hour of 200 files
 * then cost the test bed ~600 file reads, which made a benchmark of the audit measure s3rver.
 *
 * This gives s3rver's filesystem store what S3 has: an index per bucket of its keys (sorted as S3
 * sorts them) and of each object's listing metadata, kept current by the store's own writes
 * (put, copy, multipart, metadata, delete), and answers `listObjects` from it as S3 documents,
 * any delimiter: a common prefix for every group of keys sharing one, skipped in one step.
 *
 * Pages: MaxKeys limits objects; the common prefixes between them come along (s3rver builds the
 * next continuation token from the last object key, so a page may not end on a prefix).
 */

const OBJECT_SUFFIX = '._S3rver_object';

type Metadata = Awaited<ReturnType<FilesystemStoreInstance['getMetadata']>>;
type ListOptions = Parameters<FilesystemStoreInstance['listObjects']>[1];
type ListResult = Awaited<ReturnType<FilesystemStoreInstance['listObjects']>>;

type S3ObjectCtor = new (bucket: string, key: string, content: null, metadata: Metadata) => unknown;

interface BucketIndex {
  /** Every key, in S3's order (UTF-8 bytes; keys here are ASCII, so code-unit order is the same). */
  keys: string[];
  metadata: Map<string, Metadata>;
  /** Bumped by every write to a key, so a metadata read that overlapped a write is not kept. */
  writes: Map<string, number>;
}

const indexes = new WeakMap<FilesystemStoreInstance, Map<string, BucketIndex>>();

/** The first position whose key is ≥ `value`. */
function lowerBound(keys: readonly string[], value: string): number {
  let lo = 0;
  let hi = keys.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (keys[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The smallest string greater than every string that starts with `prefix`. */
const pastPrefix = (prefix: string): string =>
  prefix.slice(0, -1) + String.fromCharCode(prefix.charCodeAt(prefix.length - 1) + 1);

function scanKeys(bucketPath: string): string[] {
  let entries: string[];
  try {
    entries = readdirSync(bucketPath, { recursive: true, encoding: 'utf8' });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw err;
  }
  return entries
    .filter((p) => p.endsWith(OBJECT_SUFFIX))
    .map((p) => p.split(sep).join('/').slice(0, -OBJECT_SUFFIX.length))
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

function bucketIndex(store: FilesystemStoreInstance, bucket: string): BucketIndex {
  let perStore = indexes.get(store);
  if (!perStore) indexes.set(store, (perStore = new Map<string, BucketIndex>()));
  let index = perStore.get(bucket);
  if (!index) {
    index = { keys: scanKeys(store.getBucketPath(bucket)), metadata: new Map(), writes: new Map() };
    perStore.set(bucket, index);
  }
  return index;
}

/** A write to `key` is starting or has ended: its cached metadata no longer holds. */
function touch(index: BucketIndex, key: string): void {
  index.metadata.delete(key);
  index.writes.set(key, (index.writes.get(key) ?? 0) + 1);
}

function addKey(index: BucketIndex, key: string): void {
  const at = lowerBound(index.keys, key);
  if (index.keys[at] !== key) index.keys.splice(at, 0, key);
}

function dropKey(index: BucketIndex, key: string): void {
  const at = lowerBound(index.keys, key);
  if (index.keys[at] === key) index.keys.splice(at, 1);
}

/** Keys and common prefixes of one page, walking the index from the first key after `startAfter`. */
function listPage(
  keys: readonly string[],
  options: ListOptions,
): Omit<ListResult, 'objects'> & {
  keys: string[];
} {
  const { delimiter = '', startAfter = '', prefix = '', maxKeys = Infinity } = options;
  const listed: string[] = [];
  const commonPrefixes: string[] = [];
  let isTruncated = false;
  let i = lowerBound(keys, prefix > startAfter ? prefix : startAfter);
  while (i < keys.length) {
    const key = keys[i]!;
    if (!key.startsWith(prefix)) break;
    if (key <= startAfter) {
      i++;
      continue;
    }
    const cut = delimiter ? key.indexOf(delimiter, prefix.length) : -1;
    if (cut !== -1) {
      const common = key.slice(0, cut + delimiter.length);
      if (common > startAfter) commonPrefixes.push(common);
      i = lowerBound(keys, pastPrefix(common));
      continue;
    }
    if (listed.length === maxKeys) {
      isTruncated = true;
      break;
    }
    listed.push(key);
    i++;
  }
  // The next page starts after the last object, so prefixes beyond it belong to that page.
  const lastKey = listed.at(-1);
  return {
    keys: listed,
    commonPrefixes:
      isTruncated && lastKey !== undefined
        ? commonPrefixes.filter((p) => p < lastKey)
        : commonPrefixes,
    isTruncated,
  };
}

/** Builds `bucket`'s index and reads every object's metadata once, as S3's index always has it. */
export async function loadKeyIndex(store: FilesystemStoreInstance, bucket: string): Promise<void> {
  const { keys } = bucketIndex(store, bucket);
  for (let i = 0; i < keys.length; i += 64) {
    await Promise.all(keys.slice(i, i + 64).map((key) => store.getMetadata(bucket, key)));
  }
}

/** Installs the index on s3rver's filesystem store class (once per process, before it serves). */
export function indexListings(
  storeClass: { prototype: FilesystemStoreInstance },
  S3Object: S3ObjectCtor,
): void {
  const proto = storeClass.prototype;
  /* eslint-disable @typescript-eslint/unbound-method -- called back with the store as `this` */
  const original = {
    getMetadata: proto.getMetadata,
    putObject: proto.putObject,
    copyObject: proto.copyObject,
    putMetadata: proto.putMetadata,
    deleteObject: proto.deleteObject,
    deleteBucket: proto.deleteBucket,
    reset: proto.reset,
  };
  /* eslint-enable @typescript-eslint/unbound-method */

  proto.getMetadata = async function getMetadata(this: FilesystemStoreInstance, bucket, key) {
    const index = bucketIndex(this, bucket);
    const cached = index.metadata.get(key);
    if (cached) return { ...cached };
    const before = index.writes.get(key);
    const metadata = await original.getMetadata.call(this, bucket, key);
    if (index.writes.get(key) === before) index.metadata.set(key, metadata);
    return { ...metadata };
  };

  proto.putObject = async function putObject(this: FilesystemStoreInstance, object) {
    const index = bucketIndex(this, object.bucket);
    touch(index, object.key);
    try {
      const stored = await original.putObject.call(this, object);
      addKey(index, object.key);
      return stored;
    } finally {
      touch(index, object.key);
    }
  };

  proto.copyObject = async function copyObject(
    this: FilesystemStoreInstance,
    srcBucket,
    srcKey,
    destBucket,
    destKey,
    replacementMetadata,
  ) {
    const index = bucketIndex(this, destBucket);
    touch(index, destKey);
    try {
      const metadata = await original.copyObject.call(
        this,
        srcBucket,
        srcKey,
        destBucket,
        destKey,
        replacementMetadata,
      );
      addKey(index, destKey);
      return metadata;
    } finally {
      touch(index, destKey);
    }
  };

  proto.putMetadata = async function putMetadata(
    this: FilesystemStoreInstance,
    bucket,
    key,
    metadata,
    md5,
  ) {
    const index = bucketIndex(this, bucket);
    touch(index, key);
    try {
      await original.putMetadata.call(this, bucket, key, metadata, md5);
    } finally {
      touch(index, key);
    }
  };

  proto.deleteObject = async function deleteObject(this: FilesystemStoreInstance, bucket, key) {
    const index = bucketIndex(this, bucket);
    touch(index, key);
    try {
      await original.deleteObject.call(this, bucket, key);
      dropKey(index, key);
    } finally {
      touch(index, key);
    }
  };

  proto.deleteBucket = async function deleteBucket(this: FilesystemStoreInstance, bucket) {
    indexes.get(this)?.delete(bucket);
    await original.deleteBucket.call(this, bucket);
  };

  proto.reset = function reset(this: FilesystemStoreInstance) {
    indexes.delete(this);
    original.reset.call(this);
  };

  proto.listObjects = async function listObjects(this: FilesystemStoreInstance, bucket, options) {
    const page = listPage(bucketIndex(this, bucket).keys, options);
    const objects = await Promise.all(
      page.keys.map(async (key) => {
        try {
          return new S3Object(bucket, key, null, await this.getMetadata(bucket, key));
        } catch (err) {
          // Deleted between the index and the read, as s3rver's own listing allows.
          if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
          throw err;
        }
      }),
    );
    return {
      objects: objects.filter((o) => o !== null),
      commonPrefixes: page.commonPrefixes,
      isTruncated: page.isTruncated,
    };
  };
}
