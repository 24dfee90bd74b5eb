import type { PlanIssue, SegmentsPlan } from '../../../../shared/integrations/optimizely/plan.ts';
import { error, warning } from './issues.ts';

/**
 * ODP imports Braze profiles only for the segments chosen, or for everyone with "Import all
 * customers"; with neither it silently imports nobody (the warning on Braze's partner page).
 * `knownSegmentIds` is the client's Braze segment list when fetched, to spot deleted segments.
 */
export function validateSegments(
  plan: SegmentsPlan,
  knownSegmentIds: ReadonlySet<string> | null,
): PlanIssue[] {
  if (plan.importAll) return [];
  if (plan.segments.length === 0) return [error('', 'segments.noneChosen')];
  const issues: PlanIssue[] = [];
  if (knownSegmentIds) {
    plan.segments.forEach((s, index) => {
      if (!knownSegmentIds.has(s.id)) {
        issues.push(warning(`${index}`, 'segments.notInBraze', { name: s.name || s.id }));
      }
    });
  }
  return issues;
}
