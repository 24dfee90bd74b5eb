// s3rver ships no types; only what the test bed touches is declared.
declare module 's3rver' {
  import type { FilesystemStoreInstance } from 's3rver/lib/stores/filesystem.js';
  interface S3rverOptions {
    address: string;
    port: number;
    directory: string;
    silent?: boolean;
    configureBuckets?: Array<{ name: string }>;
  }
  interface StoredObject {
    bucket: string;
    key: string;
    content: Buffer;
    metadata: Record<string, string>;
  }
  export default class S3rver {
    constructor(options: S3rverOptions);
    store: FilesystemStoreInstance & {
      putObject(object: StoredObject): Promise<unknown>;
    };
    run(): Promise<{ port: number; address: string }>;
    close(): Promise<void>;
  }
}

declare module 's3rver/lib/stores/filesystem.js' {
  type Metadata = Record<string, unknown>;
  export interface FilesystemStoreInstance {
    getBucketPath(bucket: string): string;
    getResourcePath(bucket: string, key: string, resourceType: 'object'): string;
    getMetadata(bucket: string, key: string): Promise<Metadata>;
    listObjects(
      bucket: string,
      options: { delimiter?: string; startAfter?: string; prefix?: string; maxKeys?: number },
    ): Promise<{ objects: unknown[]; commonPrefixes: string[]; isTruncated: boolean }>;
    putObject(object: { bucket: string; key: string }): Promise<unknown>;
    copyObject(
      srcBucket: string,
      srcKey: string,
      destBucket: string,
      destKey: string,
      replacementMetadata?: Metadata,
    ): Promise<Metadata>;
    putMetadata(bucket: string, key: string, metadata: Metadata, md5?: string): Promise<void>;
    deleteObject(bucket: string, key: string): Promise<void>;
    deleteBucket(bucket: string): Promise<void>;
    reset(): void;
  }
  const FilesystemStore: { prototype: FilesystemStoreInstance };
  export default FilesystemStore;
}

declare module 's3rver/lib/models/object.js' {
  const S3Object: new (
    bucket: string,
    key: string,
    content: null,
    metadata: Record<string, unknown>,
  ) => unknown;
  export default S3Object;
}
