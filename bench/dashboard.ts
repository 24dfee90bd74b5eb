/**
 * Dashboard with 500 clients (issue 7), in headless Chromium through a real `partner-setup ui`
 * process. The home is seeded through ClientStore with the demo's three practice clients as
 * templates: their inputs, plans and confirmations, and the results the real check engine gave
 * them against the demo's local services, dated over the last three days (some stale).
 * Figures: first render (navigation start → the frame showing all 500 rows, median of several
 * runs); search (keydown in the search box → the first frame after the list changed); filter and
 * sort changes, made from the keyboard on their selects (arrow key → the first frame after the
 * list changed), per option reached.
 */
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { recordRun } from '../main/checks/client-run.ts';
import type { RunOutcome } from '../main/checks/engine.ts';
import { ClientStore } from '../main/store/client-store.ts';
import { confirmationsOf } from '../scripts/demo/profile.ts';
import { startSandbox } from '../scripts/demo/sandbox.ts';
import { scenarios, type DemoClientKey } from '../scripts/demo/scenarios.ts';
import {
  selectRows,
  summarizeClient,
  type ClientOverview,
  type OverviewFilter,
  type OverviewSort,
} from '../shared/dashboard/overview.ts';
import { startBrowserMode } from '../tests/support/browser-mode.ts';
import { launchChromium } from '../tests/support/chromium.ts';
import { demoCheckClient, type DemoCheckClient } from './demo-clients.ts';
import {
  median,
  msFromKeyToChange,
  round,
  startKeyTimers,
  timeFirstRender,
} from './page-timing.ts';
import type { Page } from 'playwright-core';
import type { Benchmark } from './run.ts';

const clientCount = 500;
const renderRuns = 5;
const hourMs = 3_600_000;
const companies = ['Acme', 'Globex', 'Initech', 'Umbrella', 'Stark', 'Wayne', 'Hooli', 'Soylent'];
const sectors = ['Retail', 'Travel', 'Media', 'Banking', 'Fashion', 'Grocery'];
/** Typed one key at a time, then erased: each key narrows or widens the list. */
const keys = [...'hooli 1', ...Array<string>(7).fill('Backspace'), ...'retail', 'Backspace'];
/** Each round walks down the select's options and back up to the first. */
const filterOrder: OverviewFilter[] = ['all', 'failing', 'incomplete', 'stale'];
const sortOrder: OverviewSort[] = ['name', 'progress', 'failing', 'lastValidated', 'updated'];
const filterRounds = 3;
const sortRounds = 2;

interface Template {
  key: DemoClientKey;
  check: DemoCheckClient;
  outcome: RunOutcome | null;
}

async function templates(): Promise<Template[]> {
  const sandbox = await startSandbox(scenarios);
  try {
    const result: Template[] = [];
    for (const key of ['acme', 'globex', 'initech'] as const) {
      const check = demoCheckClient(sandbox, key);
      // A client not started has never run its checks.
      const outcome = key === 'initech' ? null : await check.run();
      result.push({ key, check, outcome });
    }
    return result;
  } finally {
    await sandbox.close();
  }
}

/** The outcome as if run `hoursAgo` hours ago. */
function datedOutcome(outcome: RunOutcome, hoursAgo: number): RunOutcome {
  const at = new Date(Date.now() - hoursAgo * hourMs).toISOString();
  return { ...outcome, results: outcome.results.map((r) => ({ ...r, at })) };
}

async function seed(home: string, from: Template[]): Promise<ClientStore> {
  const store = await ClientStore.open(home);
  await store.updateSettings({ csmName: 'Bench CSM' });
  for (let i = 0; i < clientCount; i++) {
    const template = from[i % from.length];
    if (!template) throw new Error('no template');
    const name = `${companies[i % companies.length] ?? ''} ${sectors[i % sectors.length] ?? ''} ${i + 1}`;
    const { client, scenario } = template.check;
    const { id } = await store.create({ name, integrations: [...client.integrations] });
    await store.update(id, (draft) => {
      Object.assign(draft.inputs, client.inputs);
      Object.assign(draft.artifacts, structuredClone(client.artifacts));
      Object.assign(draft.confirmations, confirmationsOf(scenario, new Date()));
      if (template.outcome) recordRun(draft, datedOutcome(template.outcome, (i * 7) % 72));
    });
  }
  return store;
}

/** The options a walk down and back up a select's options reaches, with the key that reaches each. */
function walk<T>(options: readonly T[], rounds: number): Array<{ key: string; option: T }> {
  const down = options.slice(1).map((option) => ({ key: 'ArrowDown', option }));
  const up = options
    .slice(0, -1)
    .reverse()
    .map((option) => ({ key: 'ArrowUp', option }));
  return Array.from({ length: rounds }, () => [...down, ...up]).flat();
}

const order = (rows: readonly ClientOverview[]): string => rows.map((row) => row.id).join(',');

/**
 * Walks a select with the arrow keys, timing each change against the rows `expected` gives (a
 * step that leaves the same rows in the same order changes nothing on screen, so is not timed).
 */
async function timeSelect<T extends string>(
  page: Page,
  select: string,
  steps: ReadonlyArray<{ key: string; option: T }>,
  expected: (option: T) => ClientOverview[],
  first: T,
): Promise<Record<string, { changes: number; medianMs: number; maxMs: number }>> {
  const samples = new Map<T, number[]>();
  let shown = order(expected(first));
  await page.locator(select).focus();
  for (const { key, option } of steps) {
    await page.keyboard.press(key);
    const value = await page.locator(select).inputValue();
    if (value !== option) throw new Error(`${key} on ${select} chose ${value}, not ${option}`);
    const rows = expected(option);
    if (order(rows) === shown) continue;
    const ms = await msFromKeyToChange(page);
    await page.locator(`[data-dashboard-count="${rows.length}"]`).waitFor();
    samples.set(option, [...(samples.get(option) ?? []), ms]);
    shown = order(rows);
  }
  return Object.fromEntries(
    [...samples].map(([option, ms]) => [
      option,
      { changes: ms.length, medianMs: round(median(ms), 1), maxMs: round(Math.max(...ms), 1) },
    ]),
  );
}

async function run(): Promise<Record<string, unknown>> {
  const home = await mkdtemp(join(tmpdir(), 'bench-dashboard-'));
  try {
    const seedStart = performance.now();
    const store = await seed(home, await templates());
    const seedMs = performance.now() - seedStart;
    const rows = store
      .list()
      .map((c) => summarizeClient(store.get(c.id), { staleAfterHours: 24, now: Date.now() }));
    let query = '';
    const expected = keys.map((key) => {
      query = key === 'Backspace' ? query.slice(0, -1) : query + key;
      return selectRows(rows, { search: query, filter: 'all', sort: 'name' }).length;
    });

    const app = await startBrowserMode({ home });
    const browser = await launchChromium();
    try {
      const { page, context } = browser;
      await page.goto(app.url);
      const all = `[data-dashboard-count="${clientCount}"]`;
      await page.locator(all).waitFor();
      const renders = await timeFirstRender(context, `${app.origin}/#/`, all, renderRuns);

      const search = page.locator('[data-dashboard-search]');
      await startKeyTimers(page, '[data-dashboard-count]', { attributes: true });
      await search.focus();
      const samples: number[] = [];
      let shown = clientCount;
      for (const [i, key] of keys.entries()) {
        await page.keyboard.press(key === ' ' ? 'Space' : key);
        const want = expected[i] ?? NaN;
        if (want === shown) continue; // the list does not change: nothing to time
        samples.push(await msFromKeyToChange(page));
        await page.locator(`[data-dashboard-count="${want}"]`).waitFor();
        shown = want;
      }
      await search.fill('');
      await page.locator(all).waitFor();

      // From here a change anywhere in the dashboard counts: a sort keeps the count.
      await startKeyTimers(page, '.dashboard', { attributes: true });
      const filterChanges = await timeSelect(
        page,
        '[data-dashboard-filter]',
        walk(filterOrder, filterRounds),
        (filter) => selectRows(rows, { search: '', filter, sort: 'name' }),
        'all',
      );
      const sortChanges = await timeSelect(
        page,
        '[data-dashboard-sort]',
        walk(sortOrder, sortRounds),
        (sort) => selectRows(rows, { search: '', filter: 'all', sort }),
        'name',
      );
      return {
        clients: clientCount,
        storeFileMb: round((await stat(store.file)).size / 1048576, 1),
        seedSeconds: round(seedMs / 1000, 1),
        firstRender: {
          until: `all ${clientCount} rows in a frame, from navigation start, HTTP cache off`,
          runs: renderRuns,
          medianMs: round(median(renders)),
          minMs: round(Math.min(...renders)),
          maxMs: round(Math.max(...renders)),
        },
        search: {
          keystrokesTimed: samples.length,
          medianMs: round(median(samples), 1),
          maxMs: round(Math.max(...samples), 1),
        },
        filterChanges: { of: `all ${clientCount} clients, sorted by name`, ...filterChanges },
        sortChanges: { of: `all ${clientCount} clients`, ...sortChanges },
        loadAverage1m: round(loadavg()[0] ?? 0, 1),
        cpus: cpus().length,
      };
    } finally {
      await browser.close();
      await app.stop();
    }
  } finally {
    await rm(home, { recursive: true, force: true });
  }
}

export const benchmark: Benchmark = { name: 'dashboard', run };
