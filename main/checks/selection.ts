import type { Client } from '../../shared/types/client.ts';
import type { CheckDefinition, CheckDomain } from './types.ts';

/**
 * The domains that concern a client: Braze always (both integrations start from a Braze account),
 * plus one per integration.
 */
export function domainsForClient(client: Pick<Client, 'integrations'>): CheckDomain[] {
  return ['braze', ...client.integrations];
}

/**
 * The checks to run, in registry order: those named (or all of the given domains), plus every
 * check they depend on, so a dependant is never skipped just because its dependency was left out.
 */
export function selectChecks(
  registry: readonly CheckDefinition[],
  filter: { ids?: readonly string[]; domains?: readonly CheckDomain[] },
): CheckDefinition[] {
  const byId = new Map(registry.map((def) => [def.id, def]));
  const wanted = new Set<string>();
  const add = (id: string): void => {
    const def = byId.get(id);
    if (!def || wanted.has(id)) return;
    wanted.add(id);
    def.dependsOn?.forEach(add);
  };
  for (const def of registry) {
    const named = filter.ids ? filter.ids.includes(def.id) : true;
    const inDomain = filter.domains ? filter.domains.includes(def.domain) : true;
    if (named && inDomain) add(def.id);
  }
  return registry.filter((def) => wanted.has(def.id));
}
