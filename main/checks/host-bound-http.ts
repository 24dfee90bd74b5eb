import { NetError } from '../net/errors.ts';
import type { HttpClient, HttpRequest, RateLimitWait, RequestBounds } from '../net/types.ts';
import { Limiter } from './limiter.ts';

/** One limiter per key, created on first use, all with the same capacity. */
export function limiterPool(capacity: number): (key: string) => Limiter {
  const limiters = new Map<string, Limiter>();
  return (key) => {
    let limiter = limiters.get(key);
    if (!limiter) limiters.set(key, (limiter = new Limiter(capacity)));
    return limiter;
  };
}

/** What one check adds to each of its requests. */
export interface CheckBounds {
  /** The check's time left (its limit), in ms. */
  timeLeftMs(): number;
  onRateLimitWait(wait: RateLimitWait): void;
}

/**
 * An HttpClient for one check: every request also ends when the check's signal does, waits and
 * retries included end within the check's time left, and takes a
 * slot of its host's request limiter for as long as it is open (retries included). The slots are
 * per request, not per check, so a check that opens several requests at once (segment pages) shares
 * the host's cap with the others instead of adding its own window to it. A check never holds a
 * request slot while it waits for another one, so this cannot deadlock.
 */
export function hostBoundHttp(
  http: HttpClient,
  signal: AbortSignal,
  requestSlots: (host: string) => Limiter,
  check: CheckBounds,
): HttpClient {
  return {
    policy: http.policy,
    request: async (req: HttpRequest, own?: AbortSignal, extra?: RequestBounds) => {
      const combined = own ? AbortSignal.any([own, signal]) : signal;
      const bounds = (): RequestBounds => ({
        timeLeftMs: Math.min(check.timeLeftMs(), extra?.timeLeftMs ?? Infinity),
        onRateLimitWait: (wait) => {
          check.onRateLimitWait(wait);
          extra?.onRateLimitWait?.(wait);
        },
      });
      const host = hostOf(req.url);
      // A malformed URL takes no slot: the client refuses it without reaching any host.
      if (host === null) return http.request(req, combined, bounds());
      let release: () => void;
      try {
        release = await requestSlots(host).acquire(combined);
      } catch (cause) {
        throw new NetError('cancelled', host, 'Cancelled', { cause });
      }
      try {
        // Measured once the slot is held: waiting for it used some of the check's time.
        return await http.request(req, combined, bounds());
      } finally {
        release();
      }
    },
  };
}

function hostOf(raw: string): string | null {
  try {
    return new URL(raw).host;
  } catch {
    return null;
  }
}
