/**
 * The one way checks reach the network: timeouts, retries with jittered backoff on 5xx and
 * network errors, 429 handling from lowercase `x-ratelimit-reset`, and the https-only rule
 * (plain http only to loopback, and only when insecure loopback was allowed).
 */
export interface HttpRequest {
  method: 'GET' | 'POST' | 'HEAD';
  url: string;
  headers?: Record<string, string>;
  /** Sent as JSON when an object. */
  body?: unknown;
  /** Overrides the run's default timeout (ms). */
  timeoutMs?: number;
  /** Overrides whether 5xx / network errors are retried (default true). */
  retry?: boolean;
}

export interface HttpResponse {
  status: number;
  headers: Headers;
  /** Parsed JSON when the body is JSON, else the text (bounded). */
  body: unknown;
  text: string;
  attempts: number;
}

/** The rules a client enforces; code that reaches the network another way (the S3 SDK) follows them too. */
export interface HttpPolicy {
  /** Per-request timeout (ms) unless a request overrides it. */
  timeoutMs: number;
  /** Whether plain http to loopback hosts is allowed (`--allow-insecure-loopback`). */
  allowInsecureLoopback: boolean;
}

export interface HttpClient {
  readonly policy: HttpPolicy;
  /**
   * Resolves with the final response, including 4xx/5xx after retries; rejects with a
   * `NetError` (main/net/errors.ts) when there is no response: timeout, network, cancelled, refused URL.
   */
  request(req: HttpRequest, signal?: AbortSignal): Promise<HttpResponse>;
}
