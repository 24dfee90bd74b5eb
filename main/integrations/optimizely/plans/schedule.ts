import {
  canonicalTimeZone,
  type PlanIssue,
  type RunTime,
  type Schedule,
} from '../../../../shared/integrations/optimizely/plan.ts';
import { error, warning } from './issues.ts';

const dayMs = 86_400_000;
const dateRe = /^(\d{4})-(\d{2})-(\d{2})$/;
const timeRe = /^([01]\d|2[0-3]):([0-5]\d)$/;

interface CalendarDate {
  y: number;
  m: number;
  d: number;
}

/** A real calendar date (rejects 2025-02-30). */
export function parseDate(text: string): CalendarDate | null {
  const match = dateRe.exec(text);
  if (!match) return null;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const probe = new Date(Date.UTC(y, m - 1, d));
  return probe.getUTCFullYear() === y && probe.getUTCMonth() === m - 1 && probe.getUTCDate() === d
    ? { y, m, d }
    : null;
}

export function parseTime(text: string): { h: number; min: number } | null {
  const match = timeRe.exec(text);
  return match ? { h: Number(match[1]), min: Number(match[2]) } : null;
}

/** Only a listed IANA name, spelled as listed: what ODP's time zone picker offers. */
const isTimeZone = (name: string): boolean => canonicalTimeZone(name) === name;

function timeZoneIssue(name: string): PlanIssue | null {
  const canonical = canonicalTimeZone(name);
  if (canonical === name) return null;
  return canonical
    ? error('timeZone', 'schedule.timeZoneSpelling', { value: name, suggestion: canonical })
    : error('timeZone', 'schedule.badTimeZone', { value: name });
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** Wall-clock fields of an instant in a zone, read from Intl (the platform's tz database). */
function wallClock(ms: number, timeZone: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(ms)) {
    if (part.type !== 'literal') out[part.type] = Number(part.value);
  }
  return out;
}

/** The zone's UTC offset at an instant, in milliseconds. */
function offsetAt(ms: number, timeZone: string): number {
  const w = wallClock(ms, timeZone);
  const asUtc = Date.UTC(w.year ?? 0, (w.month ?? 1) - 1, w.day ?? 1, w.hour, w.minute, w.second);
  return asUtc - (ms - (ms % 1000));
}

/**
 * The instant a wall-clock time happens in a zone. Offsets a day either side cover any single
 * transition; a time in a gap runs after the jump, a doubled time at its first occurrence (the
 * usual calendar convention, as in Temporal's "compatible" disambiguation).
 */
export function zonedInstant(
  date: CalendarDate,
  h: number,
  min: number,
  timeZone: string,
): { ms: number; adjusted: RunTime['adjusted'] } {
  const local = Date.UTC(date.y, date.m - 1, date.d, h, min);
  const before = offsetAt(local - dayMs, timeZone);
  const after = offsetAt(local + dayMs, timeZone);
  const valid = [...new Set([before, after])]
    .map((off) => local - off)
    .filter((ms) => ms + offsetAt(ms, timeZone) === local)
    .sort((a, b) => a - b);
  const [first] = valid;
  if (first === undefined) return { ms: local - before, adjusted: 'gap' };
  return { ms: first, adjusted: valid.length > 1 ? 'overlap' : null };
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

function formatOffset(offsetMs: number): string {
  const minutes = Math.round(offsetMs / 60_000);
  const abs = Math.abs(minutes);
  return `${minutes < 0 ? '-' : '+'}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

function describe(ms: number, timeZone: string, adjusted: RunTime['adjusted']): RunTime {
  const w = wallClock(ms, timeZone);
  return {
    at: new Date(ms).toISOString(),
    local: `${pad(w.year ?? 0, 4)}-${pad(w.month ?? 0)}-${pad(w.day ?? 0)} ${pad(w.hour ?? 0)}:${pad(w.minute ?? 0)}`,
    offset: formatOffset(offsetAt(ms, timeZone)),
    adjusted,
  };
}

const addDays = (date: CalendarDate, days: number): CalendarDate => {
  const d = new Date(Date.UTC(date.y, date.m - 1, date.d + days));
  return { y: d.getUTCFullYear(), m: d.getUTCMonth() + 1, d: d.getUTCDate() };
};
const dayNumber = (date: CalendarDate) => Date.UTC(date.y, date.m - 1, date.d) / dayMs;

/** The next `count` runs strictly after `now`, honouring the start and end dates (daily, every 1 day). */
export function nextRuns(schedule: Schedule, now: Date, count = 3): RunTime[] {
  const start = parseDate(schedule.startDate);
  const time = parseTime(schedule.time);
  if (!start || !time || !isTimeZone(schedule.timeZone)) return [];
  const end = schedule.end.kind === 'on' ? parseDate(schedule.end.date) : null;
  if (schedule.end.kind === 'on' && !end) return [];
  const w = wallClock(now.getTime(), schedule.timeZone);
  // Yesterday in the zone, so a run later today (or just past midnight elsewhere) is not missed.
  const yesterday = addDays({ y: w.year ?? 0, m: w.month ?? 1, d: w.day ?? 1 }, -1);
  let day = dayNumber(start) > dayNumber(yesterday) ? start : yesterday;
  const runs: RunTime[] = [];
  // Bounded: after yesterday, each day yields at most one run, so count + 2 days suffice.
  for (let i = 0; i < count + 2 && runs.length < count; i += 1, day = addDays(day, 1)) {
    if (end && dayNumber(day) > dayNumber(end)) break;
    const { ms, adjusted } = zonedInstant(day, time.h, time.min, schedule.timeZone);
    if (ms > now.getTime()) runs.push(describe(ms, schedule.timeZone, adjusted));
  }
  return runs;
}

/** Start date, time, time zone and end date as ODP's recurring daily schedule needs them. */
export function validateSchedule(schedule: Schedule, now: Date): PlanIssue[] {
  const issues: PlanIssue[] = [];
  const start = parseDate(schedule.startDate);
  if (!start) issues.push(error('startDate', 'schedule.badDate', { value: schedule.startDate }));
  if (!parseTime(schedule.time))
    issues.push(error('time', 'schedule.badTime', { value: schedule.time }));
  const zoneIssue = timeZoneIssue(schedule.timeZone);
  if (zoneIssue) issues.push(zoneIssue);
  if (schedule.end.kind === 'on') {
    const end = parseDate(schedule.end.date);
    if (!end) issues.push(error('end.date', 'schedule.badDate', { value: schedule.end.date }));
    else if (start && dayNumber(end) < dayNumber(start)) {
      issues.push(error('end.date', 'schedule.endBeforeStart'));
    }
  }
  if (issues.length > 0 || !start) return issues;
  const w = wallClock(now.getTime(), schedule.timeZone);
  const today = { y: w.year ?? 0, m: w.month ?? 1, d: w.day ?? 1 };
  if (dayNumber(start) < dayNumber(today)) {
    issues.push(warning('startDate', 'schedule.startInPast', { date: schedule.startDate }));
  }
  const runs = nextRuns(schedule, now);
  if (runs.length === 0) issues.push(error('end.date', 'schedule.noFutureRun'));
  const shifted = runs.find((r) => r.adjusted);
  if (shifted) {
    issues.push(
      warning('time', `schedule.${shifted.adjusted === 'gap' ? 'dstGap' : 'dstOverlap'}`, {
        local: shifted.local,
        time: schedule.time,
      }),
    );
  }
  return issues;
}
