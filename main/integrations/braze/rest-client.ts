import type { HttpClient } from '../../net/types.ts';
import { textExcerpt } from '../../net/excerpt.ts';
import { BrazeMessageBodySchema } from './reply-body.ts';

/** A Braze answer reduced to what checks reason about. */
export interface BrazeReply {
  status: number;
  /** The `message` of a Braze-shaped JSON body; null when the body is not Braze's (see reply-body.ts). */
  message: string | null;
  body: unknown;
  /** A short excerpt of the raw body, shown when it is not Braze's. */
  excerpt: string;
  headers: Headers;
  attempts: number;
}

export interface BrazeRestClient {
  readonly baseUrl: string;
  readonly host: string;
  /** `signal` ends this one request early (on top of the check's own signal). */
  get(
    path: string,
    query?: Record<string, string | number>,
    signal?: AbortSignal,
  ): Promise<BrazeReply>;
  post(path: string, body: unknown): Promise<BrazeReply>;
}

/**
 * Braze's REST API over the shared HttpClient (timeouts, retries, 429, https rule). The key goes
 * only into the Authorization header, exactly as Braze documents: `Bearer {key}`, unquoted.
 */
export function createBrazeRestClient(
  http: HttpClient,
  baseUrl: string,
  apiKey: string,
): BrazeRestClient {
  const base = baseUrl.replace(/\/+$/, '');
  const headers = { authorization: `Bearer ${apiKey}` };
  const call = async (
    method: 'GET' | 'POST',
    path: string,
    body?: unknown,
    signal?: AbortSignal,
  ): Promise<BrazeReply> => {
    const res = await http.request({ method, url: `${base}${path}`, headers, body }, signal);
    return {
      status: res.status,
      message: BrazeMessageBodySchema.safeParse(res.body).data?.message ?? null,
      body: res.body,
      excerpt: textExcerpt(res.text),
      headers: res.headers,
      attempts: res.attempts,
    };
  };
  return {
    baseUrl: base,
    host: safeHost(base),
    get: (path, query, signal) => {
      const search = query
        ? `?${new URLSearchParams(Object.entries(query).map(([k, v]): [string, string] => [k, String(v)])).toString()}`
        : '';
      return call('GET', `${path}${search}`, undefined, signal);
    },
    post: (path, body) => call('POST', path, body),
  };
}

function safeHost(base: string): string {
  try {
    return new URL(base).host;
  } catch {
    return base;
  }
}
