/**
 * What the audit reads from Currents keys: only the documented `event_type=` and `date=` segments
 * ("file naming conventions may change"); everything else in a key is left alone.
 */

export const EMAIL_CLICK = 'users.messages.email.Click';

const HOUR = /^(\d{4})-(\d{2})-(\d{2})-(\d{2})$/;

/** The last segment of a prefix such as `a/b/event_type=x/` → `event_type=x`. */
export const lastSegment = (prefix: string): string =>
  prefix.replace(/\/$/, '').split('/').pop() ?? '';

export function eventTypeOf(prefix: string): string | null {
  const seg = lastSegment(prefix);
  return seg.startsWith('event_type=') ? seg.slice('event_type='.length) : null;
}

/** `date=2026-11-22-13/` → `2026-11-22-13` (UTC hour the events were queued). */
export function hourOf(prefix: string): string | null {
  const seg = lastSegment(prefix);
  if (!seg.startsWith('date=')) return null;
  const hour = seg.slice('date='.length);
  return HOUR.test(hour) ? hour : null;
}

export function hourStart(hour: string): number {
  const m = HOUR.exec(hour);
  if (!m) return NaN;
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]));
}

export function hourLabel(ms: number): string {
  const d = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}-${pad(d.getUTCHours())}`;
}

/** The `count` hours ending with the current one, oldest first. */
export function lastHours(now: number, count: number): string[] {
  const current = Math.floor(now / 3_600_000) * 3_600_000;
  return Array.from({ length: count }, (_, i) => hourLabel(current - (count - 1 - i) * 3_600_000));
}
