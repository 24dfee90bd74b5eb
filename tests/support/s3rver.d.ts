// s3rver ships no types; only what the test bed touches is declared.
declare module 's3rver' {
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
    store: { putObject(object: StoredObject): Promise<unknown> };
    run(): Promise<{ port: number; address: string }>;
    close(): Promise<void>;
  }
}

declare module 's3rver/lib/stores/filesystem.js' {
  const FilesystemStore: {
    prototype: {
      getBucketPath(bucket: string): string;
      getMetadata(bucket: string, key: string): Promise<Record<string, unknown>>;
      listObjects(
        bucket: string,
        options: { delimiter?: string; startAfter?: string; prefix?: string; maxKeys?: number },
      ): Promise<{ objects: unknown[]; commonPrefixes: string[]; isTruncated: boolean }>;
    };
  };
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
