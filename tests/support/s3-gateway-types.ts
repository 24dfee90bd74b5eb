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

/**
 * Refusals S3 gives keys it knows but will not serve: a temporary session that ended or whose token
 * it does not recognise, an account AWS disabled, an account without S3.
 */
export type KeyRefusal = 'ExpiredToken' | 'InvalidToken' | 'AllAccessDisabled' | 'NotSignUp';

export interface TestBucket {
  name: string;
  /** Region the bucket lives in; requests signed for another region get a 301. Default us-east-1. */
  region?: string;
  /** Default encryption GetBucketEncryption reports. Default AES256 (as S3 does since 2023). */
  encryption?: 'AES256' | 'aws:kms' | 'none';
  /** A directory whose files become objects (path relative to it = key), loaded before start. */
  seedDir?: string;
  /** Every authenticated request to it gets S3's retryable 500 InternalError. */
  internalError?: boolean;
}

export interface TestKey {
  accessKeyId: string;
  secretAccessKey: string;
  /**
   * A temporary (ASIA…) key's session token: S3 knows the key only when this comes with it as
   * `x-amz-security-token` (without it: InvalidAccessKeyId; another token: InvalidToken).
   */
  sessionToken?: string;
  /** Allowed actions; default: all. */
  actions?: readonly S3Action[];
  /**
   * Object actions allowed only under these key prefixes, as a policy whose Resource is
   * `arn:aws:s3:::bucket/prefix*`; actions not named here apply to every key.
   */
  objectPrefixes?: Partial<Record<S3Action, readonly string[]>>;
  /** Buckets this key may touch; default: all. */
  buckets?: readonly string[];
  /** Every request correctly signed with this key gets this refusal, as S3 documents it. */
  refusal?: KeyRefusal;
}

export interface S3TestBedOptions {
  buckets: readonly TestBucket[];
  keys: readonly TestKey[];
  /** Every answer waits this long first, as a distant S3 region would (benchmarks, demo). */
  latencyMs?: number;
  /** The server's clock runs this far ahead of the real one (its `Date` header and skew check). */
  clockOffsetMs?: number;
  /**
   * Answers carry no `Date` header, as behind a proxy that strips it: a client cannot learn the
   * server's clock, so the SDK cannot correct a skewed one and S3's refusal reaches the check.
   */
  hideServerClock?: boolean;
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
