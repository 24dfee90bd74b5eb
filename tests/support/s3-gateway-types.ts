/** Configuration of the S3 test bed, shared by the parent API and the child process. */

/** IAM actions the gateway tells apart, as S3 names them in a policy. */
export const s3Actions = [
  's3:ListAllMyBuckets',
  's3:ListBucket',
  's3:GetBucketLocation',
  's3:GetEncryptionConfiguration',
  's3:PutObject',
  's3:GetObject',
  's3:DeleteObject',
] as const;
export type S3Action = (typeof s3Actions)[number];

export interface TestBucket {
  name: string;
  /** Region the bucket lives in; requests signed for another region get a 301. Default us-east-1. */
  region?: string;
  /** Default encryption GetBucketEncryption reports. Default AES256 (as S3 does since 2023). */
  encryption?: 'AES256' | 'aws:kms' | 'none';
  /** A directory whose files become objects (path relative to it = key), loaded before start. */
  seedDir?: string;
}

export interface TestKey {
  accessKeyId: string;
  secretAccessKey: string;
  /** When set, requests must carry this `x-amz-security-token`. */
  sessionToken?: string;
  /** The session token has expired (S3 answers 400 ExpiredToken). */
  tokenExpired?: boolean;
  /** Allowed actions; default: all. */
  actions?: readonly S3Action[];
  /** Buckets this key may touch; default: all. */
  buckets?: readonly string[];
}

export interface S3TestBedOptions {
  buckets: readonly TestBucket[];
  keys: readonly TestKey[];
  /** The server's clock runs this far ahead of the real one (its `Date` header and skew check). */
  clockOffsetMs?: number;
  /**
   * Keys whose first download breaks off after the headers and a few bytes, as when a
   * connection drops mid-download; later downloads of the key are whole.
   */
  dropFirstDownload?: readonly string[];
}

/** One request as the gateway saw it, for tests that assert what was (not) sent. */
export interface LoggedRequest {
  method: string;
  action: S3Action | 'other';
  bucket: string;
  key: string;
  accessKeyId: string | null;
  status: number;
}
