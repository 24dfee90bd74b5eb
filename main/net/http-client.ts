import { setTimeout as sleep } from 'node:timers/promises';
import { connectionErrorKind, NetError } from './errors.ts';
import { backoffDelayMs, rateLimitWaitMs } from './retry-timing.ts';
import type { HttpClient, HttpPolicy, HttpRequest, HttpResponse } from './types.ts';
import { assertAllowedUrl } from './url-policy.ts';

export interface HttpClientOptions {
  allowInsecureLoopback: boolean;
  /** Per-request timeout; default 10 s. */
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
}

const defaults = {
  timeoutMs: 10_000,
  retries: 2,
  backoffBaseMs: 250,
  maxRateLimitWaitMs: 60_000,
  maxRateLimitRetries: 2,
  maxBodyBytes: 4 * 1024 * 1024,
  userAgent: 'partner-setup-assistant',
};

type Attempt = { response: HttpResponse } | { error: NetError };

export function createHttpClient(options: HttpClientOptions): HttpClient {
  const cfg = { ...defaults, ...options };
  const policy: HttpPolicy = {
    timeoutMs: cfg.timeoutMs,
    allowInsecureLoopback: cfg.allowInsecureLoopback,
  };

  async function attempt(
    req: HttpRequest,
    url: URL,
    attempts: number,
    signal?: AbortSignal,
  ): Promise<Attempt> {
    const timeout = AbortSignal.timeout(req.timeoutMs ?? cfg.timeoutMs);
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

  async function request(req: HttpRequest, signal?: AbortSignal): Promise<HttpResponse> {
    const url = assertAllowedUrl(req.url, cfg.allowInsecureLoopback);
    const maxRetries = req.retry === false ? 0 : cfg.retries;
    let retries = 0;
    let rateLimitWaits = 0;
    for (let attempts = 1; ; attempts++) {
      if (signal?.aborted)
        throw new NetError('cancelled', url.host, 'Cancelled', { attempts: attempts - 1 });
      const outcome = await attempt(req, url, attempts, signal);
      let waitMs: number;
      if ('error' in outcome) {
        const retriable = outcome.error.kind === 'network' || outcome.error.kind === 'offline';
        if (!retriable || retries >= maxRetries) throw outcome.error;
        waitMs = backoffDelayMs(++retries, cfg.backoffBaseMs);
      } else {
        const { response } = outcome;
        if (response.status === 429) {
          const reset = rateLimitWaitMs(response.headers);
          if (reset !== null) {
            if (reset > cfg.maxRateLimitWaitMs || rateLimitWaits >= cfg.maxRateLimitRetries)
              return response;
            rateLimitWaits++;
            // A little jitter so parallel probes do not all return in the same millisecond.
            waitMs = reset + Math.round(Math.random() * 100);
          } else if (retries < maxRetries) {
            waitMs = backoffDelayMs(++retries, cfg.backoffBaseMs);
          } else {
            return response;
          }
        } else if (response.status >= 500 && retries < maxRetries) {
          waitMs = backoffDelayMs(++retries, cfg.backoffBaseMs);
        } else {
          return response;
        }
      }
      try {
        await sleep(waitMs, undefined, signal ? { signal } : undefined);
      } catch (cause) {
        throw new NetError('cancelled', url.host, 'Cancelled', { cause, attempts });
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
