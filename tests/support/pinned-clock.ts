import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';

/**
 * The wall clock of a test's world: it reads `startsAt` when the test starts the app and runs at
 * the real pace from there (timeouts and waits stay real), on a computer set to `timeZone`. A test
 * whose verdict could depend on the day or the hour pins it instead of reading the real time.
 */
export interface PinnedClock {
  startsAt: Date;
  /** The zone of the computer the app runs on: its process's `TZ` and Chromium's zone. */
  timeZone: string;
}

/** The pinned clock, as the app's processes and its page take it. */
export interface ShiftedClock {
  /** How far the pinned clock is from the real one (for a test server's clock, S3's say). */
  offsetMs: number;
  /** The environment of a Node process (browser mode, the CLI) that runs on the pinned clock. */
  env: Record<string, string>;
  /** Sets the page's clock to the same time (before it loads the app). */
  install(page: Page): Promise<void>;
}

const preload = fileURLToPath(new URL('./shifted-clock-preload.ts', import.meta.url));

/** Fixes the pinned clock's distance from the real one, so that every process reads the same time. */
export function shiftClock(clock: PinnedClock): ShiftedClock {
  const offsetMs = clock.startsAt.getTime() - Date.now();
  return {
    offsetMs,
    env: {
      NODE_OPTIONS: [process.env.NODE_OPTIONS, `--import=${preload}`].filter(Boolean).join(' '),
      PARTNER_SETUP_TEST_CLOCK_OFFSET_MS: String(offsetMs),
      TZ: clock.timeZone,
    },
    install: (page) => page.clock.install({ time: Date.now() + offsetMs }),
  };
}
