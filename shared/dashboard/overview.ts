import { z } from 'zod';
import { guideFor, type Step } from '../guides/index.ts';
import type { Client } from '../types/client.ts';
import {
  ClientIdSchema,
  IntegrationIdSchema,
  IsoDateSchema,
  type IntegrationId,
} from '../types/ids.ts';
import { ClientNameSchema } from '../types/client.ts';

/** Steps done of the steps that ask for a confirmation (a step without any has nothing to tick). */
export const IntegrationProgressSchema = z.object({
  integration: IntegrationIdSchema,
  stepsDone: z.number().int().nonnegative(),
  stepsTotal: z.number().int().nonnegative(),
});
export type IntegrationProgress = z.infer<typeof IntegrationProgressSchema>;

/** One dashboard row: what a CSM needs to see at a glance, without the client's full data. */
export const ClientOverviewSchema = z.object({
  id: ClientIdSchema,
  name: ClientNameSchema,
  integrations: z.array(IntegrationIdSchema),
  updatedAt: IsoDateSchema,
  progress: z.array(IntegrationProgressSchema),
  /** Checks of the client's guides whose last result is a failure. */
  failing: z.number().int().nonnegative(),
  /** Checks of the client's guides with a result, and how many of those results are stale. */
  checked: z.number().int().nonnegative(),
  stale: z.number().int().nonnegative(),
  /** Newest check result, null when no check ever ran. */
  lastValidatedAt: IsoDateSchema.nullable(),
});
export type ClientOverview = z.infer<typeof ClientOverviewSchema>;

const hourMs = 3_600_000;

/** A result is stale once it is older than the CSM's threshold. */
export const isStale = (at: string, staleAfterHours: number, now: number): boolean =>
  now - new Date(at).getTime() > staleAfterHours * hourMs;

/** A step is done when every one of its confirmations is ticked. */
export const isStepDone = (client: Pick<Client, 'confirmations'>, step: Step): boolean =>
  step.confirmations.length > 0 && step.confirmations.every((c) => client.confirmations[c.id]);

export function integrationProgress(
  client: Client,
  integration: IntegrationId,
): IntegrationProgress {
  const steps = guideFor(integration).steps.filter((step) => step.confirmations.length > 0);
  return {
    integration,
    stepsDone: steps.filter((step) => isStepDone(client, step)).length,
    stepsTotal: steps.length,
  };
}

/** The dashboard row of one client; pure, so main computes 500 of them without the renderer. */
export function summarizeClient(
  client: Client,
  options: { staleAfterHours: number; now: number },
): ClientOverview {
  const checkIds = new Set(
    client.integrations.flatMap((id) => guideFor(id).steps.flatMap((step) => step.checks)),
  );
  const results = [...checkIds].flatMap((id) => {
    const result = client.checkResults[id];
    return result ? [result] : [];
  });
  let lastValidatedAt: string | null = null;
  for (const result of results) {
    if (lastValidatedAt === null || Date.parse(result.at) > Date.parse(lastValidatedAt)) {
      lastValidatedAt = result.at;
    }
  }
  return {
    id: client.id,
    name: client.name,
    integrations: [...client.integrations],
    updatedAt: client.updatedAt,
    progress: client.integrations.map((id) => integrationProgress(client, id)),
    failing: results.filter((r) => r.status === 'fail').length,
    checked: results.length,
    stale: results.filter((r) => isStale(r.at, options.staleAfterHours, options.now)).length,
    lastValidatedAt,
  };
}

/** A client still has steps to do on at least one integration. */
export const isIncomplete = (row: ClientOverview): boolean =>
  row.progress.some((p) => p.stepsDone < p.stepsTotal);

export type OverviewFilter = 'all' | 'failing' | 'incomplete' | 'stale';
export type OverviewSort = 'name' | 'progress' | 'failing' | 'lastValidated' | 'updated';

/** Share of steps done over all the client's integrations, 0…1. */
export const completion = (row: ClientOverview): number => {
  const total = row.progress.reduce((n, p) => n + p.stepsTotal, 0);
  return total === 0 ? 1 : row.progress.reduce((n, p) => n + p.stepsDone, 0) / total;
};

const matchesFilter: Record<OverviewFilter, (row: ClientOverview) => boolean> = {
  all: () => true,
  failing: (row) => row.failing > 0,
  incomplete: isIncomplete,
  stale: (row) => row.stale > 0,
};

const byName = (a: ClientOverview, b: ClientOverview) => a.name.localeCompare(b.name);
const time = (iso: string | null) => (iso === null ? -Infinity : Date.parse(iso));

/** Most urgent first for every sort but name: least done, most failing, oldest validation, newest change. */
const comparators: Record<OverviewSort, (a: ClientOverview, b: ClientOverview) => number> = {
  name: byName,
  progress: (a, b) => completion(a) - completion(b) || byName(a, b),
  failing: (a, b) => b.failing - a.failing || byName(a, b),
  lastValidated: (a, b) => time(a.lastValidatedAt) - time(b.lastValidatedAt) || byName(a, b),
  updated: (a, b) => time(b.updatedAt) - time(a.updatedAt) || byName(a, b),
};

/** Search (name, case- and accent-insensitive), filter and sort: what the dashboard shows. */
export function selectRows(
  rows: readonly ClientOverview[],
  view: { search: string; filter: OverviewFilter; sort: OverviewSort },
): ClientOverview[] {
  const needle = fold(view.search.trim());
  return rows
    .filter(
      (row) =>
        (needle === '' || fold(row.name).includes(needle)) && matchesFilter[view.filter](row),
    )
    .sort(comparators[view.sort]);
}

const fold = (text: string): string =>
  text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLocaleLowerCase();
