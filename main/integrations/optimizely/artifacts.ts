import {
  brazeSegmentsArtifactKey,
  BrazeSegmentsArtifactSchema,
} from '../../../shared/integrations/braze/segments-artifact.ts';
import {
  fieldsArtifactKey,
  OdpFieldsArtifactSchema,
  OdpPlanSchema,
  planArtifactKey,
  type OdpFieldsArtifact,
  type OdpPlan,
} from '../../../shared/integrations/optimizely/plan.ts';
import { formatPath } from '../../../shared/bundle/problems.ts';
import type { Client } from '../../../shared/types/client.ts';

export type SavedPlan =
  | { kind: 'none' }
  | { kind: 'ok'; plan: OdpPlan }
  /**
   * Saved but no longer fits the plan's format (a newer or older app, a hand-edited store): kept
   * as it is, never read as "no plan"; `field` names the first value that does not fit.
   */
  | { kind: 'unreadable'; field: string };

/** The plan saved with the client, as the checks and the editor read it (never thrown at a check). */
export function savedPlan(client: Client): SavedPlan {
  const raw = client.artifacts[planArtifactKey];
  if (raw === undefined) return { kind: 'none' };
  const parsed = OdpPlanSchema.safeParse(raw);
  if (parsed.success) return { kind: 'ok', plan: parsed.data };
  const where = parsed.error.issues[0]?.path ?? [];
  return { kind: 'unreadable', field: formatPath(['artifacts', planArtifactKey, ...where]) };
}

export function readFields(client: Client): OdpFieldsArtifact | null {
  const parsed = OdpFieldsArtifactSchema.safeParse(client.artifacts[fieldsArtifactKey]);
  return parsed.success ? parsed.data : null;
}

export interface BrazeSegment {
  id: string;
  name: string;
}

/** The segments in a `braze.segments` artifact, or null when there is none or it does not read. */
export function brazeSegmentsOf(artifact: unknown): BrazeSegment[] | null {
  const parsed = BrazeSegmentsArtifactSchema.safeParse(artifact);
  return parsed.success ? parsed.data.segments : null;
}

/** The client's Braze segments (artifact `braze.segments`), or null when never fetched. */
export const readBrazeSegments = (client: Client): BrazeSegment[] | null =>
  brazeSegmentsOf(client.artifacts[brazeSegmentsArtifactKey]);
