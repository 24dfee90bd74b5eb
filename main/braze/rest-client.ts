import type { HttpClient } from '../net/types.ts';

/** A Braze answer reduced to what checks reason about. */
export interface BrazeReply {
  status: number;
  /** The top-level `message` of Braze's JSON body, when there is one. */
  message: string | null;
  body: unknown;
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
      message: messageOf(res.body),
      body: res.body,
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

function messageOf(body: unknown): string | null {
  if (typeof body === 'object' && body !== null && 'message' in body) {
    const { message } = body;
    if (typeof message === 'string') return message;
  }
  if (typeof body === 'string' && body.trim() !== '') return body.trim().slice(0, 300);
  return null;
}

function safeHost(base: string): string {
  try {
    return new URL(base).host;
  } catch {
    return base;
  }
}
