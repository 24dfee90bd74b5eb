/** Delay before retry number `retry` (1-based): exponential with "equal jitter" so parallel probes spread out. */
export function backoffDelayMs(
  retry: number,
  baseMs: number,
  random: () => number = Math.random,
): number {
  const ceiling = baseMs * 2 ** (retry - 1);
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}

/**
 * How long a 429 asks us to wait, from the lowercase `x-ratelimit-reset` header (UTC epoch
 * seconds, per Braze). Null when the header is absent or unreadable.
 */
export function rateLimitWaitMs(headers: Headers, now: number = Date.now()): number | null {
  const raw = headers.get('x-ratelimit-reset');
  if (raw === null || !/^\d+(\.\d+)?$/.test(raw.trim())) return null;
  return Math.max(0, Math.ceil(Number(raw) * 1000 - now));
}
