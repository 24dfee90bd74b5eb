import {
  brazeSegmentsArtifactKey,
  BrazeSegmentsArtifactSchema,
} from '../../shared/braze/segments-artifact.ts';
import {
  fieldsArtifactKey,
  OdpFieldsArtifactSchema,
  OdpPlanSchema,
  planArtifactKey,
  type OdpFieldsArtifact,
  type OdpPlan,
} from '../../shared/odp-plan.ts';
import type { Client } from '../../shared/types/client.ts';

/** The saved plan, or null when none was saved or it no longer reads (never thrown at a check). */
export function readPlan(client: Client): OdpPlan | null {
  const parsed = OdpPlanSchema.safeParse(client.artifacts[planArtifactKey]);
  return parsed.success ? parsed.data : null;
}

export function readFields(client: Client): OdpFieldsArtifact | null {
  const parsed = OdpFieldsArtifactSchema.safeParse(client.artifacts[fieldsArtifactKey]);
  return parsed.success ? parsed.data : null;
}

export interface BrazeSegment {
  id: string;
  name: string;
}

/** The client's Braze segments (artifact `braze.segments`), or null when never fetched. */
export function readBrazeSegments(client: Client): BrazeSegment[] | null {
  const parsed = BrazeSegmentsArtifactSchema.safeParse(client.artifacts[brazeSegmentsArtifactKey]);
  return parsed.success ? parsed.data.segments : null;
}
