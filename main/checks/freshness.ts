import type { CheckResult } from '../../shared/types/checks.ts';
import type { Client } from '../../shared/types/client.ts';
import { currentFingerprint } from './fingerprint.ts';

type FreshnessView = Pick<Client, 'inputs' | 'artifacts' | 'secrets' | 'checkResults'>;

/**
 * Whether something a result read of the client changed since: an input or artifact (by
 * fingerprint), or a secret saved again (a new date). A secret removed, or never entered here
 * (an imported client), changed nothing the result observed; one entered again always did.
 * The endpoint is not compared on its own: it is worked out from inputs the check read.
 */
function readsChanged(result: CheckResult, client: FreshnessView): boolean {
  const { basis } = result;
  if (!basis) return false;
  if (currentFingerprint(client, basis.reads) !== basis.fingerprint) return true;
  return Object.entries(basis.secretsSavedAt).some(([name, savedAt]) => {
    const now = client.secrets[name as keyof Client['secrets']]?.setAt;
    return now !== undefined && now !== savedAt;
  });
}

/**
 * The ids of the results that no longer hold: those already marked, those whose reads changed,
 * and, through the dependencies each result recorded, every result built on one of them or on a
 * result whose verdict is no longer the one it saw. Results stored before the app recorded a basis
 * are left to the verdict rules (they can be neither confirmed nor refuted here).
 */
export function outdatedResultIds(client: FreshnessView): Set<string> {
  const results = Object.values(client.checkResults);
  const outdated = new Set(
    results.filter((r) => r.outdated || readsChanged(r, client)).map((r) => r.id),
  );
  // Dependants of dependants: repeat until nothing more is added (the graph is small and acyclic).
  for (let added = true; added;) {
    added = false;
    for (const result of results) {
      if (outdated.has(result.id) || !result.basis) continue;
      const stale = Object.entries(result.basis.dependencies).some(([id, status]) => {
        const dependency = client.checkResults[id];
        return !dependency || dependency.status !== status || outdated.has(id);
      });
      if (stale) {
        outdated.add(result.id);
        added = true;
      }
    }
  }
  return outdated;
}

/**
 * Marks every result that no longer holds as outdated, for good: only a new run of the check
 * replaces it. The store calls this on every change of a client, so nothing that reads a client
 * (the app, reports, bundles, the CLI) can see a result whose basis changed unmarked.
 */
export function markOutdatedResults(client: Client): void {
  for (const id of outdatedResultIds(client)) {
    const result = client.checkResults[id];
    if (result && !result.outdated) client.checkResults[id] = { ...result, outdated: true };
  }
}
