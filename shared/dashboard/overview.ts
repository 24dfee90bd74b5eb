import { z } from 'zod';
import { guideFor, type Step } from '../guides/index.ts';
import type { Client } from '../types/client.ts';
import { ClientIdSchema, IsoDateSchema } from '../types/ids.ts';
import { IntegrationIdSchema, integrationIds, type IntegrationId } from '../integrations/lists.ts';
import { ClientNameSchema } from '../types/client.ts';
import {
  clientVerdict,
  integrationVerdict,
  ScopedVerdictSchema,
} from '../verdict/client-verdict.ts';
import { isStale, isVerdictStatus, type StandingOptions } from '../verdict/standing.ts';
import { stepStateOf } from '../verdict/step-state.ts';

export { isStale };

/** What one integration's cell of a dashboard row shows. */
export const IntegrationSummarySchema = z.object({
  integration: IntegrationIdSchema,
  /**
   * Steps done (every confirmation ticked and every check passed, by `stepStateOf`) of the steps
   * that have something to confirm or verify.
   */
  stepsDone: z.number().int().nonnegative(),
  stepsTotal: z.number().int().nonnegative(),
  /** Checks referenced by this guide's steps whose current verdict is a failure. */
  failing: z.number().int().nonnegative(),
  stale: z.number().int().nonnegative(),
  /** Newest verdict of this guide's checks, null when none was ever reached. */
  lastValidatedAt: IsoDateSchema.nullable(),
  /** Verified, failing or not verified, with the confirmations beside it. */
  verdict: ScopedVerdictSchema,
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
  /** The client's verdict over all its checks, each once. */
  verdict: ScopedVerdictSchema,
});
export type ClientOverview = z.infer<typeof ClientOverviewSchema>;

interface GuideParts {
  steps: readonly Step[];
  checkIds: readonly string[];
}

function guidePartsOf(integration: IntegrationId): GuideParts {
  const { steps } = guideFor(integration);
  return { steps, checkIds: [...new Set(steps.flatMap((step) => step.checks))] };
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

/** Failing is the verdict's count (an outdated failure no longer counts); the rest describe ages. */
function verdictFigures(
  client: Client,
  checkIds: Iterable<string>,
  options: StandingOptions,
  failing: number,
): VerdictFigures {
  const figures: VerdictFigures = { failing, checked: 0, stale: 0, lastValidatedAt: null };
  let newest = -Infinity;
  for (const id of checkIds) {
    const result = client.checkResults[id];
    if (!result || !isVerdictStatus(result.status)) continue;
    figures.checked++;
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
export function summarizeClient(client: Client, options: StandingOptions): ClientOverview {
  const byIntegration = client.integrations.map((integration): IntegrationSummary => {
    const { steps, checkIds } = guideParts[integration];
    const verdict = integrationVerdict(client, integration, options);
    const { failing, stale, lastValidatedAt } = verdictFigures(
      client,
      checkIds,
      options,
      verdict.failing,
    );
    const states = steps.map((step) => stepStateOf(client, step, options)).filter((s) => s);
    return {
      integration,
      stepsDone: states.filter((s) => s?.state === 'done').length,
      stepsTotal: states.length,
      failing,
      stale,
      lastValidatedAt,
      verdict,
    };
  });
  const allCheckIds = new Set(client.integrations.flatMap((id) => guideParts[id].checkIds));
  const verdict = clientVerdict(client, options);
  return {
    id: client.id,
    name: client.name,
    integrations: [...client.integrations],
    updatedAt: client.updatedAt,
    byIntegration,
    ...verdictFigures(client, allCheckIds, options, verdict.failing),
    verdict,
  };
}

/** A client still has steps that are not done on at least one integration. */
export const isIncomplete = (row: ClientOverview): boolean =>
  row.byIntegration.some((p) => p.stepsDone < p.stepsTotal);

export type OverviewFilter =
  'all' | 'verified' | 'failing' | 'notVerified' | 'incomplete' | 'stale';
export type OverviewSort = 'name' | 'progress' | 'failing' | 'lastValidated' | 'updated';

/** Share of steps done over all the client's integrations, 0…1. */
export const completion = (row: ClientOverview): number => {
  const total = row.byIntegration.reduce((n, p) => n + p.stepsTotal, 0);
  return total === 0 ? 1 : row.byIntegration.reduce((n, p) => n + p.stepsDone, 0) / total;
};

const matchesFilter: Record<OverviewFilter, (row: ClientOverview) => boolean> = {
  all: () => true,
  verified: (row) => row.verdict.verdict === 'verified',
  failing: (row) => row.verdict.verdict === 'failing',
  notVerified: (row) => row.verdict.verdict === 'not-verified',
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
