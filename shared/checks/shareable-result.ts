import { withoutOtherFolders } from '../integrations/jacquard/folder-result.ts';
import type { CheckResult } from '../types/checks.ts';

/** What a check's older results may hold that must not leave the app, by check id. */
const legacyScrubs: Readonly<Record<string, (result: CheckResult) => CheckResult>> = {
  's3.folder': withoutOtherFolders,
};

/**
 * A check result as it may leave the app (a bundle, a report, the CLI's output) or come into it
 * from a bundle: without its app-only note, nor what an older version of its check kept that
 * names someone else (the other folders of Jacquard's shared bucket).
 */
export function shareableResult(result: CheckResult): CheckResult {
  const shared: CheckResult = { ...result };
  delete shared.appOnlyNote;
  return legacyScrubs[result.id]?.(shared) ?? shared;
}

/** Every result of a client, shareable (see `shareableResult`). */
export const shareableResults = (
  results: Readonly<Record<string, CheckResult>>,
): Record<string, CheckResult> =>
  Object.fromEntries(Object.entries(results).map(([id, r]) => [id, shareableResult(r)]));
