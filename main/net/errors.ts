/**
 * Why a request produced no HTTP response. Checks turn these into translated outcomes
 * (`outcomeForNetError` in main/checks) instead of each domain inventing its own wording.
 */
export type NetErrorKind =
  | 'timeout'
  | 'network'
  /** An untrusted certificate (self-signed, expired, another name, an intercepting proxy): no retry helps. */
  | 'tls'
  | 'offline'
  | 'insecure_url'
  | 'invalid_url'
  | 'body_too_large'
  /** Not sent: its host asked for a pause (429 with a reset) that ends after the request's time. */
  | 'rate_limited'
  | 'cancelled';

export class NetError extends Error {
  readonly kind: NetErrorKind;
  /** Host of the request, safe to show (never the query string, which may carry identifiers). */
  readonly host: string;
  readonly attempts: number;
  /** For `rate_limited`: how long the host asked to wait, in ms. */
  readonly waitMs: number | null;
  constructor(
    kind: NetErrorKind,
    host: string,
    message: string,
    options?: { cause?: unknown; attempts?: number; waitMs?: number },
  ) {
    super(message, options);
    this.name = 'NetError';
    this.kind = kind;
    this.host = host;
    this.attempts = options?.attempts ?? 0;
    this.waitMs = options?.waitMs ?? null;
  }
}

export const isNetError = (error: unknown): error is NetError => error instanceof NetError;

/** Network error codes that mean "this machine has no network", not "this host is wrong". */
const offlineCodes = new Set(['EAI_AGAIN', 'ENETUNREACH', 'ENETDOWN']);

/** Node's codes for an untrusted certificate or a failed TLS handshake. */
const tlsCode = /^(ERR_TLS_|ERR_SSL_|CERT_|UNABLE_TO_|DEPTH_ZERO_SELF_SIGNED|SELF_SIGNED_CERT)/;

/** What a failed connection's error code means, for every client that reaches the network. */
export function connectionErrorKind(code: string | null): 'offline' | 'tls' | 'network' {
  if (code && offlineCodes.has(code)) return 'offline';
  return code && tlsCode.test(code) ? 'tls' : 'network';
}
