// Loaded with `node --import` into a process a test starts (see pinned-clock.ts), never by the
// app: the process's clock reads PARTNER_SETUP_TEST_CLOCK_OFFSET_MS ahead of the real one, so its
// "today" is the test's pinned day, while timers and timeouts keep the real pace.

const offsetMs = Number(process.env.PARTNER_SETUP_TEST_CLOCK_OFFSET_MS ?? '0');
if (!Number.isFinite(offsetMs))
  throw new Error('PARTNER_SETUP_TEST_CLOCK_OFFSET_MS is not a number');

const RealDate = Date;

/** `Date` as the app uses it, on the shifted clock; a Date of a given instant is unchanged. */
class ShiftedDate extends RealDate {
  constructor(...args: [] | [value: number | string | Date]) {
    if (args.length === 0) super(RealDate.now() + offsetMs);
    else super(args[0]);
  }

  static override now(): number {
    return RealDate.now() + offsetMs;
  }
}

globalThis.Date = ShiftedDate as DateConstructor;
