import { S3ServiceException } from '@aws-sdk/client-s3';
import { connectionErrorKind, NetError } from '../../../net/errors.ts';
import { textExcerpt } from '../../../net/excerpt.ts';

/**
 * An answer that did not come from S3 (a login page, a proxy's error page, XML cut off): no
 * verdict can be read from it, whatever its status.
 */
export class NotS3AnswerError extends Error {
  readonly status: number;
  readonly excerpt: string;
  constructor(host: string, status: number, excerpt: string) {
    super(`${host} answered HTTP ${status} with something that is not S3's: “${excerpt}”`);
    this.name = 'NotS3AnswerError';
    this.status = status;
    this.excerpt = excerpt;
  }
}

/** The SDK's "could not parse the answer" failure: it keeps the status and the body's text. */
function undecodableAnswer(error: unknown): { status: number; text: string } | null {
  if (!(error instanceof Error) || !('$response' in error) || !('$metadata' in error)) return null;
  const status = (error.$metadata as { httpStatusCode?: unknown } | undefined)?.httpStatusCode;
  const text = (error as { $responseBodyText?: unknown }).$responseBodyText;
  return typeof status === 'number' ? { status, text: typeof text === 'string' ? text : '' } : null;
}

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
 * and cancellation read the same as for every other check; an answer the SDK could not decode
 * becomes a NotS3AnswerError (it was an answer, just not S3's).
 */
export function toNetError(
  error: unknown,
  host: string,
  signals: { run: AbortSignal; timeout: AbortSignal },
): unknown {
  if (
    error instanceof S3ServiceException ||
    error instanceof NetError ||
    error instanceof NotS3AnswerError
  )
    return error;
  const undecodable = undecodableAnswer(error);
  if (undecodable) {
    return new NotS3AnswerError(host, undecodable.status, textExcerpt(undecodable.text));
  }
  // The SDK's own retries: how many requests this failure took.
  const attempts = (error as { $metadata?: { attempts?: unknown } } | null)?.$metadata?.attempts;
  const counted = { cause: error, ...(typeof attempts === 'number' ? { attempts } : {}) };
  if (signals.run.aborted) return new NetError('cancelled', host, 'Cancelled', counted);
  if (signals.timeout.aborted) return new NetError('timeout', host, 'Timed out', counted);
  const code = (error as { code?: unknown } | null)?.code;
  const name = typeof code === 'string' ? code : null;
  return new NetError(connectionErrorKind(name), host, name ?? 'Network error', counted);
}
