import { readArtifact } from '../../../shared/integrations/artifacts.ts';
import { brazeSegmentsArtifact } from '../../../shared/integrations/braze/segments-artifact.ts';
import {
  odpFieldsArtifact,
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
  return readArtifact(client.artifacts, odpFieldsArtifact) ?? null;
}

export interface BrazeSegment {
  id: string;
  name: string;
}

/** The client's Braze segments (artifact `braze.segments`), or null when never fetched. */
export const readBrazeSegments = (client: Client): BrazeSegment[] | null =>
  readArtifact(client.artifacts, brazeSegmentsArtifact)?.segments ?? null;
