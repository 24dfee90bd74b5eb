import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { validateSchedule } from '../../main/integrations/optimizely/plans/schedule.ts';
import {
  defaultActivation,
  todayIn,
  withTimeZone,
  type Schedule,
} from '../../shared/integrations/optimizely/plan.ts';

// "Today" for an activation's schedule is the date in the schedule's zone. Every clock here is
// pinned near a midnight or a daylight-saving change, where one zone's today is another's
// yesterday or tomorrow; nothing reads the real time.

/** The schedule a new activation gets when planned in `zone` at `now`. */
function suggested(zone: string, now: Date): Schedule {
  const { schedule } = defaultActivation(zone, todayIn(zone, now));
  assert.ok(schedule);
  return schedule;
}

/** The plan's warnings and errors as `path:key`, the start date's "in the past" among them. */
const issuesOf = (schedule: Schedule, now: Date) =>
  validateSchedule(schedule, now).map((i) => `${i.path}:${i.messageKey.replace('odp:issue.', '')}`);
const inThePast = 'startDate:schedule.startInPast';

const dayBefore = (date: string) =>
  new Date(Date.parse(`${date}T12:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

/** [the pinned clock, the zone the activation was planned in, the zone the CSM types, today there]. */
type Move = [now: string, from: string, to: string, today: string];

const moves: Record<string, Move[]> = {
  'near midnight UTC (23:05, the CI run that failed)': [
    ['2026-12-07T23:05:00Z', 'UTC', 'Europe/Paris', '2026-12-08'],
    ['2026-12-07T23:05:00Z', 'UTC', 'Pacific/Auckland', '2026-12-08'],
    ['2026-12-07T23:05:00Z', 'UTC', 'America/Los_Angeles', '2026-12-07'],
    ['2026-12-07T23:05:00Z', 'Europe/Paris', 'America/Los_Angeles', '2026-12-07'],
    ['2026-12-07T23:05:00Z', 'Pacific/Auckland', 'UTC', '2026-12-07'],
    ['2026-12-08T00:05:00Z', 'UTC', 'America/Los_Angeles', '2026-12-07'],
    ['2026-12-08T00:05:00Z', 'America/Los_Angeles', 'Pacific/Auckland', '2026-12-08'],
  ],
  'Europe/Paris, last Sunday of March (02:00 → 03:00)': [
    ['2026-03-28T23:30:00Z', 'UTC', 'Europe/Paris', '2026-03-29'],
    ['2026-03-29T00:59:00Z', 'America/New_York', 'Europe/Paris', '2026-03-29'],
    ['2026-03-29T01:30:00Z', 'Europe/Paris', 'America/Los_Angeles', '2026-03-28'],
  ],
  'Europe/Paris, last Sunday of October (03:00 → 02:00, 02:30 twice)': [
    ['2026-10-24T22:30:00Z', 'UTC', 'Europe/Paris', '2026-10-25'],
    ['2026-10-25T00:30:00Z', 'America/Los_Angeles', 'Europe/Paris', '2026-10-25'],
    ['2026-10-25T01:30:00Z', 'Europe/Paris', 'America/Los_Angeles', '2026-10-24'],
  ],
  'US, second Sunday of March (02:00 → 03:00)': [
    ['2026-03-08T07:30:00Z', 'America/New_York', 'America/Los_Angeles', '2026-03-07'],
    ['2026-03-08T07:30:00Z', 'America/Los_Angeles', 'America/New_York', '2026-03-08'],
    ['2026-03-08T10:30:00Z', 'Europe/Paris', 'America/Los_Angeles', '2026-03-08'],
  ],
  'US, first Sunday of November (02:00 → 01:00, 01:30 twice)': [
    ['2026-11-01T05:30:00Z', 'America/Los_Angeles', 'America/New_York', '2026-11-01'],
    ['2026-11-01T06:30:00Z', 'America/New_York', 'America/Los_Angeles', '2026-10-31'],
    ['2026-11-01T07:30:00Z', 'UTC', 'America/Los_Angeles', '2026-11-01'],
  ],
  'Pacific/Auckland, into and out of summer time': [
    ['2026-09-26T11:30:00Z', 'UTC', 'Pacific/Auckland', '2026-09-26'],
    ['2026-09-26T12:30:00Z', 'UTC', 'Pacific/Auckland', '2026-09-27'],
    ['2026-04-04T11:30:00Z', 'UTC', 'Pacific/Auckland', '2026-04-05'],
  ],
};

describe('an activation planned in one zone and scheduled in another starts today there', () => {
  for (const [when, cases] of Object.entries(moves)) {
    it(when, () => {
      for (const [at, from, to, today] of cases) {
        const now = new Date(at);
        const label = `${at}, ${from} → ${to}`;
        const moved = withTimeZone(suggested(from, now), to, from, now);
        assert.equal(moved.timeZone, to, label);
        assert.equal(moved.startDate, today, label);
        assert.ok(
          !issuesOf(moved, now).includes(inThePast),
          `${label}: ${issuesOf(moved, now).join(', ')}`,
        );
        // The day before is in the past there: the date checked is the zone's, not UTC's.
        const yesterday = { ...moved, startDate: dayBefore(today) };
        assert.ok(issuesOf(yesterday, now).includes(inThePast), `${label}: yesterday`);
      }
    });
  }

  it('the date left as planned would be in the past in Paris at 23:05 UTC (the failed run)', () => {
    const now = new Date('2026-12-07T23:05:00Z');
    const kept = { ...suggested('UTC', now), timeZone: 'Europe/Paris' };
    assert.deepEqual(
      issuesOf(kept, now).filter((i) => i === inThePast),
      [inThePast],
    );
  });

  it('follows the zone through the keystrokes that spell it, in any case', () => {
    const now = new Date('2026-12-07T23:05:00Z');
    let schedule = suggested('UTC', now);
    // What the panel passes: the last listed zone the schedule was in, while the others are typed.
    for (const typed of ['e', 'eu', 'europe/', 'europe/pari']) {
      schedule = withTimeZone(schedule, typed, 'UTC', now);
      assert.equal(schedule.startDate, '2026-12-07', `${typed}: no listed zone yet, no change`);
      assert.equal(schedule.timeZone, typed);
    }
    schedule = withTimeZone(schedule, 'europe/paris', 'UTC', now);
    assert.equal(schedule.timeZone, 'europe/paris', 'the name is corrected when the field is left');
    assert.equal(schedule.startDate, '2026-12-08');
  });

  it('keeps a start date the CSM chose, and a zone with no listed zone before it', () => {
    const now = new Date('2026-12-07T23:05:00Z');
    const chosen = { ...suggested('UTC', now), startDate: '2027-01-15' };
    assert.equal(withTimeZone(chosen, 'Europe/Paris', 'UTC', now).startDate, '2027-01-15');
    const tomorrow = { ...suggested('UTC', now), startDate: '2026-12-08' };
    assert.equal(withTimeZone(tomorrow, 'America/Los_Angeles', 'UTC', now).startDate, '2026-12-08');
    const unplanned = suggested('UTC', now);
    assert.equal(withTimeZone(unplanned, 'Europe/Paris', null, now).startDate, '2026-12-07');
    assert.equal(
      withTimeZone(unplanned, 'Europe/Paris', 'Mars/Olympus', now).startDate,
      '2026-12-07',
    );
  });

  it('moves an end date on the start day with it, and leaves a later end date alone', () => {
    const now = new Date('2026-12-07T23:05:00Z');
    const oneDay: Schedule = { ...suggested('UTC', now), end: { kind: 'on', date: '2026-12-07' } };
    const moved = withTimeZone(oneDay, 'Pacific/Auckland', 'UTC', now);
    assert.deepEqual(
      [moved.startDate, moved.end],
      ['2026-12-08', { kind: 'on', date: '2026-12-08' }],
    );
    // Left on the old day, the end would come before the start.
    assert.ok(!issuesOf(moved, now).includes('end.date:schedule.endBeforeStart'));
    const later: Schedule = { ...oneDay, end: { kind: 'on', date: '2027-06-30' } };
    assert.deepEqual(withTimeZone(later, 'Pacific/Auckland', 'UTC', now).end, {
      kind: 'on',
      date: '2027-06-30',
    });
  });
});
