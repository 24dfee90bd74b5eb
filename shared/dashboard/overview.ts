import { z } from 'zod';
import { guideFor, type Step } from '../guides/index.ts';
import type { CheckResult, CheckStatus } from '../types/checks.ts';
import type { Client } from '../types/client.ts';
import { ClientIdSchema, IsoDateSchema } from '../types/ids.ts';
import { IntegrationIdSchema, integrationIds, type IntegrationId } from '../integrations/lists.ts';
import { ClientNameSchema } from '../types/client.ts';

/** What one integration's cell of a dashboard row shows. */
export const IntegrationSummarySchema = z.object({
  integration: IntegrationIdSchema,
  /** Steps done of the steps that ask for a confirmation (a step without any has nothing to tick). */
  stepsDone: z.number().int().nonnegative(),
  stepsTotal: z.number().int().nonnegative(),
  /** Checks referenced by this guide's steps whose last verdict is a failure. */
  failing: z.number().int().nonnegative(),
  stale: z.number().int().nonnegative(),
  /** Newest verdict of this guide's checks, null when none was ever reached. */
  lastValidatedAt: IsoDateSchema.nullable(),
});
export type IntegrationSummary = z.infer<typeof IntegrationSummarySchema>;

/** One dashboard row: what a CSM needs to see at a glance, without the client's full data. */
export const ClientOverviewSchema = z.object({
  id: ClientIdSchema,
  name: ClientNameSchema,
  integrations: z.array(IntegrationIdSchema),
  updatedAt: IsoDateSchema,
  byIntegration: z.array(IntegrationSummarySchema),
  /**
   * The same figures over all the client's checks, each check once: a Braze check both guides
   * reference fails once for the client, though it shows in both integrations' cells.
   */
  failing: z.number().int().nonnegative(),
  /** Checks with a verdict, and how many of those verdicts are stale. */
  checked: z.number().int().nonnegative(),
  stale: z.number().int().nonnegative(),
  lastValidatedAt: IsoDateSchema.nullable(),
});
export type ClientOverview = z.infer<typeof ClientOverviewSchema>;

const hourMs = 3_600_000;

/**
 * Statuses that say something about the client's setup. A skip (offline, no secret, cancelled)
 * validated nothing, so it neither moves "last validation" nor ages into "stale". Inconclusive
 * counts: the service was reached or tried and the run ended on a timeout or an error, which the
 * CSM must see age and run again.
 */
const verdictStatuses: ReadonlySet<CheckStatus> = new Set(['pass', 'warn', 'fail', 'inconclusive']);

/** A verdict is stale once it is older than the CSM's threshold; a skip never is. */
export const isStale = (
  result: Pick<CheckResult, 'status' | 'at'>,
  staleAfterHours: number,
  now: number,
): boolean =>
  verdictStatuses.has(result.status) &&
  now - new Date(result.at).getTime() > staleAfterHours * hourMs;

/** A step is done when every one of its confirmations is ticked. */
export const isStepDone = (client: Pick<Client, 'confirmations'>, step: Step): boolean =>
  step.confirmations.length > 0 && step.confirmations.every((c) => client.confirmations[c.id]);

interface GuideParts {
  tickable: readonly Step[];
  checkIds: readonly string[];
}

function guidePartsOf(integration: IntegrationId): GuideParts {
  const { steps } = guideFor(integration);
  return {
    tickable: steps.filter((step) => step.confirmations.length > 0),
    checkIds: [...new Set(steps.flatMap((step) => step.checks))],
  };
}

/** Guides are fixed data: each integration's steps to tick and its checks, worked out once. */
const guideParts = Object.fromEntries(integrationIds.map((id) => [id, guidePartsOf(id)])) as Record<
  IntegrationId,
  GuideParts
>;

interface VerdictFigures {
  failing: number;
  checked: number;
  stale: number;
  lastValidatedAt: string | null;
}

function verdictFigures(
  client: Client,
  checkIds: Iterable<string>,
  options: { staleAfterHours: number; now: number },
): VerdictFigures {
  const figures: VerdictFigures = { failing: 0, checked: 0, stale: 0, lastValidatedAt: null };
  let newest = -Infinity;
  for (const id of checkIds) {
    const result = client.checkResults[id];
    if (!result || !verdictStatuses.has(result.status)) continue;
    figures.checked++;
    if (result.status === 'fail') figures.failing++;
    if (isStale(result, options.staleAfterHours, options.now)) figures.stale++;
    const at = Date.parse(result.at);
    if (at > newest) {
      newest = at;
      figures.lastValidatedAt = result.at;
    }
  }
  return figures;
}

/** The dashboard row of one client; pure, so main computes 500 of them without the renderer. */
export function summarizeClient(
  client: Client,
  options: { staleAfterHours: number; now: number },
): ClientOverview {
  const byIntegration = client.integrations.map((integration): IntegrationSummary => {
    const { tickable, checkIds } = guideParts[integration];
    const { failing, stale, lastValidatedAt } = verdictFigures(client, checkIds, options);
    return {
      integration,
      stepsDone: tickable.filter((step) => isStepDone(client, step)).length,
      stepsTotal: tickable.length,
      failing,
      stale,
      lastValidatedAt,
    };
  });
  const allCheckIds = new Set(client.integrations.flatMap((id) => guideParts[id].checkIds));
  return {
    id: client.id,
    name: client.name,
    integrations: [...client.integrations],
    updatedAt: client.updatedAt,
    byIntegration,
    ...verdictFigures(client, allCheckIds, options),
  };
}

/** A client still has steps to do on at least one integration. */
export const isIncomplete = (row: ClientOverview): boolean =>
  row.byIntegration.some((p) => p.stepsDone < p.stepsTotal);

export type OverviewFilter = 'all' | 'failing' | 'incomplete' | 'stale';
export type OverviewSort = 'name' | 'progress' | 'failing' | 'lastValidated' | 'updated';

/** Share of steps done over all the client's integrations, 0…1. */
export const completion = (row: ClientOverview): number => {
  const total = row.byIntegration.reduce((n, p) => n + p.stepsTotal, 0);
  return total === 0 ? 1 : row.byIntegration.reduce((n, p) => n + p.stepsDone, 0) / total;
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
