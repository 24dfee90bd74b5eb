/**
 * ODP segment picker benchmark (issue 6): the real app in browser mode, in headless Chromium, on a
 * client with 10,000 Braze segments. Each keystroke in the search box is timed from its `keydown`
 * to the first frame after the list changed (goal ≤ 50 ms). Needs the built renderer
 * (`npm run build:renderer`, run by `npm install`).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  buildSegmentIndex,
  filterSegments,
} from '../renderer/src/integrations/optimizely/segment-filter.ts';
import { ClientStore } from '../main/store/client-store.ts';
import { startBrowserMode } from '../tests/support/browser-mode.ts';
import { launchChromium } from '../tests/support/chromium.ts';
import { msFromKeyToChange, round, startKeyTimers } from './page-timing.ts';
import type { Benchmark } from './run.ts';

const segmentCount = 10_000;
const goalMs = 50;
const words = [
  'Lapsed buyers',
  'VIP',
  'Newsletter',
  'Churn risk',
  'Mobile app',
  'Weekend shoppers',
];
/** Typed one key at a time, then erased: each key narrows or widens the list. */
const once = [...'vip 12', 'Backspace', 'Backspace', 'Backspace', ...'churn 7', 'Backspace'];
/** Enough rounds that the 95th percentile is not simply the slowest keystroke. */
const rounds = 5;
const keys = Array.from({ length: rounds }, () => [
  ...once,
  ...Array<string>(10).fill('Backspace'),
]).flat();

const segments = Array.from({ length: segmentCount }, (_, i) => ({
  id: `seg-${i.toString(16).padStart(5, '0')}`,
  name: `${words[i % words.length] ?? ''} ${i + 1}`,
}));

const percentile = (xs: number[], p: number): number => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
};

/** Which keystrokes change the match count (a keystroke that changes nothing is not timed). */
function changingKeys(): boolean[] {
  const index = buildSegmentIndex(segments);
  let query = '';
  let total = filterSegments(index, query, 1).total;
  return keys.map((key) => {
    query = key === 'Backspace' ? query.slice(0, -1) : query + key;
    const next = filterSegments(index, query, 1).total;
    const changed = next !== total;
    total = next;
    return changed;
  });
}

async function run(): Promise<Record<string, unknown>> {
  const dir = await mkdtemp(join(tmpdir(), 'bench-segments-'));
  const store = await ClientStore.open(dir);
  const client = await store.create({ name: 'Bench 10k', integrations: ['optimizely'] });
  await store.update(client.id, (c) => {
    c.artifacts['braze.segments'] = {
      fetchedAt: new Date().toISOString(),
      instance: 'US-03',
      segments,
    };
  });
  const app = await startBrowserMode({ home: dir });
  const browser = await launchChromium();
  try {
    const { page } = browser;
    await page.goto(app.url);
    await page.goto(`${app.origin}/#/client/${client.id}/optimizely.segments`);
    const search = page.getByRole('searchbox');
    await search.waitFor();
    await startKeyTimers(page, '[data-testid="segment-count"]');
    await search.focus();
    const changes = changingKeys();
    const samples: number[] = [];
    for (const [i, key] of keys.entries()) {
      await page.keyboard.press(key === ' ' ? 'Space' : key);
      if (!changes[i]) continue;
      samples.push(await msFromKeyToChange(page));
    }
    const medianMs = round(percentile(samples, 50), 1);
    return {
      segments: segmentCount,
      keystrokesTimed: samples.length,
      medianMs,
      p95Ms: round(percentile(samples, 95), 1),
      maxMs: round(Math.max(...samples), 1),
      goalMs,
      meetsGoal: percentile(samples, 95) <= goalMs,
      // The machine is shared: a high load explains an outlier better than the code does.
      loadAverage1m: round(loadavg()[0] ?? 0, 1),
      cpus: cpus().length,
    };
  } finally {
    await browser.close();
    await app.stop();
    await rm(dir, { recursive: true, force: true });
  }
}

export const benchmark: Benchmark = { name: 'segment-filter', run };
