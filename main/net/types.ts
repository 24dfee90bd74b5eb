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
  /** Overrides the run's default timeout (ms): the whole request, retries and waits included. */
  timeoutMs?: number;
  /**
   * False: sent once, never again, whatever the answer (5xx, network error or 429); for a request
   * that may have an effect. Default true.
   */
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

/** A host's rate limit that a request is waiting out before it is sent. */
export interface RateLimitWait {
  host: string;
  waitMs: number;
}

/** What the caller adds to one request: its own time limit, and who to tell about waits. */
export interface RequestBounds {
  /**
   * Time the caller has left (a check's limit), in ms: the request, its retries and every wait
   * end within it as well as within the request's own timeout.
   */
  timeLeftMs?: number;
  /** Told before the request waits for a host's rate limit to reset, so the wait can be shown. */
  onRateLimitWait?(wait: RateLimitWait): void;
}

export interface HttpClient {
  readonly policy: HttpPolicy;
  /**
   * Resolves with the final response, including 4xx/5xx after retries; rejects with a
   * `NetError` (main/net/errors.ts) when there is no response: timeout, network, cancelled,
   * refused URL, or a host whose rate limit resets after the request's time is up.
   */
  request(req: HttpRequest, signal?: AbortSignal, bounds?: RequestBounds): Promise<HttpResponse>;
}

/** Reads the time and waits; tests inject one so no verdict depends on the machine's speed. */
export interface Clock {
  now(): number;
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}
