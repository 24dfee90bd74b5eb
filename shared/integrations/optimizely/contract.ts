import { z } from 'zod';
import { channel } from '../../contract/define.ts';
import { ClientIdSchema } from '../../types/ids.ts';
import {
  OdpFieldsArtifactSchema,
  OdpPlanSchema,
  PlanIssueSchema,
  RunTimeSchema,
  ScheduleSchema,
  SummarySectionSchema,
} from './plan.ts';

/** The ODP plan as the editor shows it: the plan, what it is checked against, and its problems. */
export const OdpPlanViewSchema = z.object({
  /** The saved plan, or a fresh one (with the default Email mapping) when none was saved. */
  plan: OdpPlanSchema,
  saved: z.boolean(),
  /** Where the saved plan stops fitting the plan's format when it no longer reads (kept as is). */
  unreadable: z.string().nullable(),
  /** ODP customer fields from the last `odp.fields` check; null when never fetched. */
  fields: OdpFieldsArtifactSchema.nullable(),
  /** API name of the field ODP displays as "Last Seen Email", when known. */
  defaultEmailField: z.string().nullable(),
  issues: z.array(PlanIssueSchema),
  summary: z.array(SummarySectionSchema),
  nextRuns: z.array(RunTimeSchema),
});
export type OdpPlanView = z.infer<typeof OdpPlanViewSchema>;

/** Campaigns or Canvases for the activation picker; `denied` when the key lacks the list permission. */
export const BrazeTargetListSchema = z.object({
  status: z.enum(['ok', 'denied', 'unavailable']),
  items: z.array(z.object({ id: z.string(), name: z.string() })),
  /** Braze holds more than the picker lists: the one wanted may have to be typed. */
  truncated: z.boolean(),
});
export type BrazeTargetList = z.infer<typeof BrazeTargetListSchema>;

export const odpChannels = {
  'odp:getPlan': channel(z.object({ clientId: ClientIdSchema }), OdpPlanViewSchema),
  /** Saves a draft as it is (nothing lost) and returns its issues; only a 21st field is refused. */
  'odp:savePlan': channel(
    z.object({ clientId: ClientIdSchema, plan: OdpPlanSchema }),
    OdpPlanViewSchema,
  ),
  'odp:brazeTargets': channel(
    z.object({ clientId: ClientIdSchema, kind: z.enum(['campaigns', 'canvases']) }),
    BrazeTargetListSchema,
  ),
  /** Next three runs of a schedule and its problems, while the CSM edits it. */
  'odp:previewSchedule': channel(
    z.object({ schedule: ScheduleSchema }),
    z.object({ runs: z.array(RunTimeSchema), issues: z.array(PlanIssueSchema) }),
  ),
};
