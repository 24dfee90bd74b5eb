import { checkIdsFor, guides } from '../../shared/guides/index.ts';
import type { Client } from '../../shared/types/client.ts';
import type { CheckDefinition } from './types.ts';

export interface ChecksFilter {
  /** Only these checks (a step's, say), of those that apply to the client. */
  checkIds?: readonly string[];
  /**
   * An integration's id (the checks its guide names, or for Braze the checks it owns) or a
   * check's id.
   */
  only?: string;
}

/**
 * Whether a check that applies to the client falls under `--only`: the check itself, a check of
 * that integration's guide when the client uses it, or a check that integration implements
 * (Braze has no guide of its own; its checks are named by the partners' guides).
 */
function matchesOnly(
  checkId: string,
  only: string,
  client: Pick<Client, 'integrations'>,
  owners: ReadonlyMap<string, string>,
): boolean {
  if (checkId === only || owners.get(checkId) === only) return true;
  const used = client.integrations.find((id) => id === only);
  return used !== undefined && guides[used].steps.some((step) => step.checks.includes(checkId));
}

/**
 * The checks a run covers: those the client's guides name (every step the CSM sees), narrowed by
 * the filter, plus every check they depend on, in registry order. A check no step of the client's
 * guides shows is never run: the UI, the dashboard, the reports and the engine count the same set.
 */
export function selectChecks(
  client: Pick<Client, 'integrations'>,
  registry: readonly CheckDefinition[],
  owners: ReadonlyMap<string, string>,
  filter: ChecksFilter = {},
): CheckDefinition[] {
  const named = checkIdsFor(client.integrations).filter(
    (id) =>
      (!filter.checkIds || filter.checkIds.includes(id)) &&
      (filter.only === undefined || matchesOnly(id, filter.only, client, owners)),
  );
  return withDependencies(registry, named);
}

/**
 * The named checks and every check they depend on, in registry order, so a dependant is never
 * skipped just because its dependency was left out.
 */
export function withDependencies(
  registry: readonly CheckDefinition[],
  ids: Iterable<string>,
): CheckDefinition[] {
  const byId = new Map(registry.map((def) => [def.id, def]));
  const wanted = new Set<string>();
  const add = (id: string): void => {
    const def = byId.get(id);
    if (!def || wanted.has(id)) return;
    wanted.add(id);
    def.dependsOn?.forEach(add);
  };
  for (const id of ids) add(id);
  return registry.filter((def) => wanted.has(def.id));
}
