import type {
  OdpField,
  OdpPlan,
  PlanIssue,
} from '../../../../shared/integrations/optimizely/plan.ts';
import { validateActivation } from './activation.ts';
import { under } from './issues.ts';
import { validateMappings } from './mappings.ts';
import { validateSegments } from './segments.ts';

export interface PlanContext {
  /** ODP customer fields from `odp.fields`; null when never fetched. */
  fields: readonly OdpField[] | null;
  /** Ids of the client's Braze segments from `braze.segments`; null when never fetched. */
  brazeSegmentIds: ReadonlySet<string> | null;
  now: Date;
}

/** Every issue in the plan, with paths from the plan's root (what the editor highlights). */
export function validatePlan(plan: OdpPlan, ctx: PlanContext): PlanIssue[] {
  return [
    ...under('segments', validateSegments(plan.segments, ctx.brazeSegmentIds)),
    ...under('mappings', ctx.fields ? validateMappings(plan.mappings, ctx.fields) : []),
    ...(plan.activation
      ? under('activation', validateActivation(plan.activation, ctx.fields, ctx.now))
      : []),
  ];
}
