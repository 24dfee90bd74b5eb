import { pipeline, Readable, Transform } from 'node:stream';
import { S3Client } from '@aws-sdk/client-s3';
import type { CheckContext, CheckOutcome } from '../../../checks/types.ts';
import { outcome } from '../outcome.ts';
import { NetError } from '../../../net/errors.ts';
import { assertAllowedUrl } from '../../../net/url-policy.ts';
import { textExcerpt } from '../../../net/excerpt.ts';
import { NotS3AnswerError, toNetError } from './errors.ts';
import { jacquardS3Inputs, type JacquardS3Inputs } from './inputs.ts';

export interface SendOptions {
  abortSignal: AbortSignal;
}

/** The Jacquard bucket as one check sees it: the CSM's keys, the run's signal and timeout. */
export interface JacquardS3 {
  inputs: JacquardS3Inputs;
  host: string;
  region: string;
  /** Runs one S3 call; failures without an S3 answer become NetErrors (timeout, network, cancelled). */
  call<T>(op: (client: S3Client, options: SendOptions) => Promise<T>): Promise<T>;
  /** Server clock minus ours (ms) from the latest response's `Date` header; null before any answer. */
  clockOffsetMs(): number | null;
  /** S3 calls made so far (the audit's cost). */
  calls(): number;
  /** Closes idle connections, so a CLI run ends as soon as its checks do. */
  close(): void;
}

/**
 * An S3 client made from the keychain secrets and the client's inputs. A custom endpoint obeys the
 * same rule as every other request: https, or plain http to loopback with insecure loopback allowed.
 */
export async function openJacquardS3(ctx: CheckContext, region = 'us-east-1'): Promise<JacquardS3> {
  const inputs = jacquardS3Inputs(ctx.client);
  const [accessKeyId, secretAccessKey] = await Promise.all([
    ctx.secrets.get('jacquard.awsAccessKeyId'),
    ctx.secrets.get('jacquard.awsSecretAccessKey'),
  ]);
  const endpoint = inputs.endpoint
    ? assertAllowedUrl(inputs.endpoint, ctx.http.policy.allowInsecureLoopback)
    : null;
  const host = endpoint?.host ?? `s3.${region}.amazonaws.com`;
  const keyId = (accessKeyId ?? '').trim();
  const timeoutMs = ctx.http.policy.timeoutMs;
  const client = new S3Client({
    region,
    ...(endpoint ? { endpoint: endpoint.origin, forcePathStyle: true } : {}),
    credentials: {
      accessKeyId: keyId,
      secretAccessKey: secretAccessKey ?? '',
    },
    // Plain uploads: without this, streamed bodies are stored with aws-chunked framing by some servers.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
    maxAttempts: 3,
    requestHandler: { requestTimeout: timeoutMs, connectionTimeout: timeoutMs },
  });

  // The SDK silently corrects a skewed clock; the CSM should still hear about it.
  let offset: number | null = null;
  const noteDate = (headers: Record<string, string> | undefined) => {
    const date = headers?.date ? Date.parse(headers.date) : NaN;
    if (!Number.isNaN(date)) offset = date - Date.now();
  };
  client.middlewareStack.add(
    (next) => async (args) => {
      try {
        const out = await next(args);
        noteDate((out.response as { headers?: Record<string, string> }).headers);
        return out;
      } catch (error) {
        noteDate(
          (error as { $response?: { headers?: Record<string, string> } }).$response?.headers,
        );
        throw error;
      }
    },
    { step: 'deserialize', name: 'jacquardServerClock', priority: 'low' },
  );

  // These answers are XML documents; a success in any other form (a login page answering 200 to
  // everything) would otherwise decode as an empty answer, i.e. "bucket in us-east-1, keys fine".
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const out = await next(args);
      const response = out.response as RawResponse;
      const type = response.headers?.['content-type'] ?? '';
      const success = response.statusCode >= 200 && response.statusCode < 300;
      if (success && xmlAnswers.has(context.commandName ?? '') && !/xml/i.test(type)) {
        const text = await boundedText(response.body);
        throw new NotS3AnswerError(host, response.statusCode, textExcerpt(text));
      }
      return out;
    },
    { step: 'deserialize', name: 'jacquardS3AnswerShape', priority: 'low' },
  );

  // An answer read whole (a listing, a location) is held in memory: one that never ends would fill
  // it until the timeout. Object bodies are streamed and their readers stop on their own budgets.
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const out = await next(args);
      if (context.commandName !== 'GetObjectCommand') capBody(out.response as RawResponse);
      return out;
    },
    { step: 'deserialize', name: 'jacquardS3AnswerSizeCap', priority: 'low' },
  );

  let calls = 0;
  return {
    inputs,
    host,
    region,
    async call(op) {
      calls++;
      const timeout = AbortSignal.timeout(timeoutMs);
      try {
        return await op(client, { abortSignal: AbortSignal.any([ctx.signal, timeout]) });
      } catch (error) {
        if (error instanceof AnswerTooLargeError) {
          throw new NetError('body_too_large', host, error.message, { cause: error });
        }
        throw toNetError(error, host, { run: ctx.signal, timeout });
      }
    },
    clockOffsetMs: () => offset,
    calls: () => calls,
    close: () => client.destroy(),
  };
}

/** S3 operations whose successful answer is an XML document. */
const xmlAnswers = new Set([
  'GetBucketLocationCommand',
  'GetBucketEncryptionCommand',
  'ListObjectsV2Command',
]);

interface RawResponse {
  statusCode: number;
  headers?: Record<string, string>;
  body?: unknown;
}

/** Larger S3 answers than any listing page (1,000 keys of at most 1 KB each) are refused. */
export const MAX_S3_ANSWER_BYTES = 8 * 1024 * 1024;

class AnswerTooLargeError extends Error {
  constructor() {
    super(`Response larger than ${MAX_S3_ANSWER_BYTES} bytes`);
    this.name = 'AnswerTooLargeError';
  }
}

/** Refuses an answer that announces or streams more than the cap; its connection is closed. */
function capBody(response: RawResponse): void {
  const body = response.body;
  if (!(body instanceof Readable)) return;
  if (Number(response.headers?.['content-length'] ?? NaN) > MAX_S3_ANSWER_BYTES) {
    body.destroy();
    throw new AnswerTooLargeError();
  }
  let size = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      size += chunk.byteLength;
      done(size > MAX_S3_ANSWER_BYTES ? new AnswerTooLargeError() : null, chunk);
    },
  });
  // The error reaches the SDK through `counter`; pipeline also destroys the socket's stream.
  response.body = pipeline(body, counter, () => undefined);
}

/** Enough of a body for an excerpt, without reading an endless one. */
async function boundedText(body: unknown): Promise<string> {
  if (!body || typeof body !== 'object' || !(Symbol.asyncIterator in body)) return '';
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body as AsyncIterable<Uint8Array>) {
    chunks.push(Buffer.from(chunk));
    size += chunk.byteLength;
    if (size >= 4096) break;
  }
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * Runs a check's `work` with a client that is closed afterwards, whatever happens. An answer that
 * is not S3's is reported as such, with what came back, rather than as an error.
 */
export async function withJacquardS3(
  ctx: CheckContext,
  region: string,
  work: (s3: JacquardS3) => Promise<CheckOutcome>,
): Promise<CheckOutcome> {
  const s3 = await openJacquardS3(ctx, region);
  try {
    return await work(s3);
  } catch (error) {
    if (!(error instanceof NotS3AnswerError)) throw error;
    return outcome(
      'inconclusive',
      's3.serverError',
      { code: `HTTP ${error.status}: “${error.excerpt || '—'}”` },
      { answer: 'not S3', httpStatus: error.status, bodyExcerpt: error.excerpt },
    );
  } finally {
    s3.close();
  }
}

/** The region `s3.bucket` found, so later checks address the bucket without a redirect. */
export function bucketRegion(ctx: CheckContext): string {
  const details = ctx.dependencies.get('s3.bucket')?.details;
  if (details && typeof details === 'object' && !Array.isArray(details)) {
    const region = details.region;
    if (typeof region === 'string' && region !== '') return region;
  }
  return 'us-east-1';
}
