import { S3ServiceException } from '@aws-sdk/client-s3';
import { NetError } from '../net/errors.ts';

/** The error code S3 answered with (`AccessDenied`, `NoSuchBucket` …), or null for no answer. */
export function s3ErrorCode(error: unknown): string | null {
  if (!(error instanceof S3ServiceException)) return null;
  // HEAD answers have no body: the SDK names them after the status.
  return error.name;
}

export const s3Status = (error: unknown): number | null =>
  error instanceof S3ServiceException ? (error.$metadata.httpStatusCode ?? null) : null;

/** A response header of a failed S3 call (e.g. `x-amz-bucket-region` on a redirect). */
export function s3ErrorHeader(error: unknown, name: string): string | null {
  if (!(error instanceof S3ServiceException)) return null;
  const value = error.$response?.headers[name];
  return typeof value === 'string' && value !== '' ? value : null;
}

/**
 * A failure without an S3 answer becomes the engine's NetError, so timeouts, refused connections
 * and cancellation read the same as for every other check.
 */
export function toNetError(
  error: unknown,
  host: string,
  signals: { run: AbortSignal; timeout: AbortSignal },
): unknown {
  if (error instanceof S3ServiceException || error instanceof NetError) return error;
  if (signals.run.aborted) return new NetError('cancelled', host, 'Cancelled', { cause: error });
  if (signals.timeout.aborted) return new NetError('timeout', host, 'Timed out', { cause: error });
  const code = (error as { code?: unknown } | null)?.code;
  return new NetError('network', host, typeof code === 'string' ? code : 'Network error', {
    cause: error,
  });
}
