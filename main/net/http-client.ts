import { setTimeout as sleep } from 'node:timers/promises';
import { connectionErrorKind, NetError } from './errors.ts';
import { RateLimitHolds } from './rate-limit-holds.ts';
import { backoffDelayMs, rateLimitWaitMs } from './retry-timing.ts';
import type {
  Clock,
  HttpClient,
  HttpPolicy,
  HttpRequest,
  HttpResponse,
  RequestBounds,
} from './types.ts';
import { assertAllowedUrl } from './url-policy.ts';

export interface HttpClientOptions {
  allowInsecureLoopback: boolean;
  /** Time one request may take, retries and waits included; default 10 s. */
  timeoutMs?: number;
  /** Retries after a 5xx or network error; default 2. */
  retries?: number;
  /** First backoff ceiling (doubles per retry, jittered); default 250 ms. */
  backoffBaseMs?: number;
  /** Longest wait a 429's `x-ratelimit-reset` may impose before we give up and report it; default 60 s. */
  maxRateLimitWaitMs?: number;
  /** How many 429s in a row are waited out; default 2, so a 429 costs at most 3 requests. */
  maxRateLimitRetries?: number;
  /** Larger bodies are refused rather than buffered; default 4 MB. */
  maxBodyBytes?: number;
  userAgent?: string;
  /** The time and the waits; default the real ones. */
  clock?: Clock;
  /** Jitter source; default Math.random. */
  random?: () => number;
}

const realClock: Clock = {
  now: () => Date.now(),
  sleep: (ms, signal) => sleep(ms, undefined, signal ? { signal } : undefined),
};

const defaults = {
  timeoutMs: 10_000,
  retries: 2,
  backoffBaseMs: 250,
  maxRateLimitWaitMs: 60_000,
  maxRateLimitRetries: 2,
  maxBodyBytes: 4 * 1024 * 1024,
  userAgent: 'partner-setup-assistant',
  clock: realClock,
  random: Math.random,
};

/** A little jitter so requests held for the same reset do not all go in the same millisecond. */
const maxJitterMs = 100;

type Attempt = { response: HttpResponse } | { error: NetError };

export function createHttpClient(options: HttpClientOptions): HttpClient {
  const cfg = { ...defaults, ...options };
  const { clock } = cfg;
  const policy: HttpPolicy = {
    timeoutMs: cfg.timeoutMs,
    allowInsecureLoopback: cfg.allowInsecureLoopback,
  };
  // Shared by every request of this client (one run), so a 429 holds back the other checks too.
  const holds = new RateLimitHolds();

  async function attempt(
    req: HttpRequest,
    url: URL,
    attempts: number,
    timeoutMs: number,
    signal?: AbortSignal,
  ): Promise<Attempt> {
    // Whole milliseconds: a time left measured with performance.now() has fractions.
    const timeout = AbortSignal.timeout(Math.max(1, Math.ceil(timeoutMs)));
    const combined = signal ? AbortSignal.any([signal, timeout]) : timeout;
    const headers: Record<string, string> = {
      accept: 'application/json',
      'user-agent': cfg.userAgent,
      ...req.headers,
    };
    let body: string | undefined;
    if (req.body !== undefined) {
      body = typeof req.body === 'string' ? req.body : JSON.stringify(req.body);
      headers['content-type'] ??= 'application/json';
    }
    try {
      const res = await fetch(url, {
        method: req.method,
        headers,
        body,
        signal: combined,
        redirect: 'manual',
      });
      const text = await readBounded(res, cfg.maxBodyBytes, url.host, attempts);
      return {
        response: {
          status: res.status,
          headers: res.headers,
          text,
          body: parseBody(text, res.headers),
          attempts,
        },
      };
    } catch (cause) {
      if (cause instanceof NetError) return { error: cause };
      if (signal?.aborted) {
        return { error: new NetError('cancelled', url.host, 'Cancelled', { cause, attempts }) };
      }
      if (timeout.aborted) {
        return { error: new NetError('timeout', url.host, 'Timed out', { cause, attempts }) };
      }
      const code = errorCode(cause);
      return {
        error: new NetError(connectionErrorKind(code), url.host, code ?? 'Network error', {
          cause,
          attempts,
        }),
      };
    }
  }

  const cancelled = (host: string, attempts: number, cause?: unknown) =>
    new NetError('cancelled', host, 'Cancelled', { cause, attempts });

  async function pause(ms: number, host: string, attempts: number, signal?: AbortSignal) {
    try {
      await clock.sleep(ms, signal);
    } catch (cause) {
      throw cancelled(host, attempts, cause);
    }
  }

  /**
   * Waits until the host's announced reset, if it is held, and only if the reset comes before
   * `deadline`: a request that could not be sent in time is not sent at all.
   */
  async function waitForHost(
    host: string,
    deadline: number,
    attempts: number,
    signal: AbortSignal | undefined,
    bounds: RequestBounds | undefined,
  ): Promise<void> {
    const now = clock.now();
    const until = holds.heldUntil(host, now);
    if (until === null) return;
    if (until >= deadline) {
      throw new NetError('rate_limited', host, 'Rate limited until after the time limit', {
        attempts,
        waitMs: until - now,
      });
    }
    const jitter = Math.min(Math.round(cfg.random() * maxJitterMs), deadline - until - 1);
    const waitMs = until - now + Math.max(0, jitter);
    bounds?.onRateLimitWait?.({ host, waitMs });
    await pause(waitMs, host, attempts, signal);
  }

  async function request(
    req: HttpRequest,
    signal?: AbortSignal,
    bounds?: RequestBounds,
  ): Promise<HttpResponse> {
    const url = assertAllowedUrl(req.url, cfg.allowInsecureLoopback);
    const { host } = url;
    const start = clock.now();
    // Attempts, retries and every wait end by then: the request's timeout and the caller's limit.
    const deadline =
      start + Math.min(req.timeoutMs ?? cfg.timeoutMs, bounds?.timeLeftMs ?? Infinity);
    const maxRetries = req.retry === false ? 0 : cfg.retries;
    const maxRateLimitRetries = req.retry === false ? 0 : cfg.maxRateLimitRetries;
    let retries = 0;
    let rateLimitWaits = 0;
    for (let attempts = 1; ; attempts++) {
      if (signal?.aborted) throw cancelled(host, attempts - 1);
      await waitForHost(host, deadline, attempts - 1, signal, bounds);
      const left = deadline - clock.now();
      if (left <= 0) throw new NetError('timeout', host, 'Timed out', { attempts: attempts - 1 });
      const outcome = await attempt(req, url, attempts, left, signal);
      /** When the next attempt would go; null: this outcome is the last. */
      let next: number | null = null;
      if ('error' in outcome) {
        const retriable = outcome.error.kind === 'network' || outcome.error.kind === 'offline';
        if (retriable && retries < maxRetries) {
          next = clock.now() + backoffDelayMs(++retries, cfg.backoffBaseMs, cfg.random);
        }
        if (next === null || next >= deadline) throw outcome.error;
      } else {
        const { response } = outcome;
        if (response.status === 429) {
          const now = clock.now();
          const reset = rateLimitWaitMs(response.headers, now);
          // Recorded even when this request stops here: the other requests to the host wait too.
          if (reset !== null) holds.hold(host, now + reset);
          if (reset !== null) {
            if (reset <= cfg.maxRateLimitWaitMs && rateLimitWaits < maxRateLimitRetries) {
              rateLimitWaits++;
              // waitForHost does the waiting, or refuses it when the reset comes too late.
              next = now + reset;
            }
          } else if (retries < maxRetries) {
            next = now + backoffDelayMs(++retries, cfg.backoffBaseMs, cfg.random);
          }
        } else if (response.status >= 500 && retries < maxRetries) {
          next = clock.now() + backoffDelayMs(++retries, cfg.backoffBaseMs, cfg.random);
        }
        if (next === null || next >= deadline) return response;
      }
      const delay = next - clock.now();
      if (delay > 0 && holds.heldUntil(host, clock.now()) === null) {
        await pause(delay, host, attempts, signal);
      }
    }
  }

  return { policy, request };
}

async function readBounded(
  res: Response,
  maxBytes: number,
  host: string,
  attempts: number,
): Promise<string> {
  const declared = Number(res.headers.get('content-length') ?? NaN);
  if (declared > maxBytes) {
    await res.body?.cancel();
    throw new NetError('body_too_large', host, `Response larger than ${maxBytes} bytes`, {
      attempts,
    });
  }
  if (!res.body) return '';
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of res.body as AsyncIterable<Uint8Array>) {
    size += chunk.byteLength;
    // Throwing ends the iteration, which cancels the stream.
    if (size > maxBytes) {
      throw new NetError('body_too_large', host, `Response larger than ${maxBytes} bytes`, {
        attempts,
      });
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function parseBody(text: string, headers: Headers): unknown {
  const type = headers.get('content-type') ?? '';
  const looksJson = /json/i.test(type) || /^\s*[[{]/.test(text);
  if (!looksJson || text.trim() === '') return text;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

function errorCode(error: unknown): string | null {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current instanceof Error; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    current = current.cause;
  }
  return null;
}
