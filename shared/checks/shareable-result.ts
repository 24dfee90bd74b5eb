import { resultScrubs } from '../integrations/lists.ts';
import type { CheckResult } from '../types/checks.ts';

/**
 * A check result as it may leave the app (a bundle, a report, the CLI's output) or come into it
 * from a bundle: without its app-only note, nor what an older version of its check kept that must
 * not leave the app (each integration says which, in its `resultScrubs`), nor when the secrets it
 * used were saved: it keeps which secrets, with no date, so a secret entered by whoever imports
 * it always reads as a change. A result already outdated stays marked.
 */
export function shareableResult(result: CheckResult): CheckResult {
  const shared: CheckResult = { ...result };
  delete shared.appOnlyNote;
  if (shared.basis) {
    const undated = Object.keys(shared.basis.secretsSavedAt).map((name): [string, null] => [
      name,
      null,
    ]);
    shared.basis = { ...shared.basis, secretsSavedAt: Object.fromEntries(undated) };
  }
  return resultScrubs[result.id]?.(shared) ?? shared;
}

/** Every result of a client, shareable (see `shareableResult`). */
export const shareableResults = (
  results: Readonly<Record<string, CheckResult>>,
): Record<string, CheckResult> =>
  Object.fromEntries(Object.entries(results).map(([id, r]) => [id, shareableResult(r)]));
