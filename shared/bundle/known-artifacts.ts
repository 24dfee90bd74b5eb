import { z } from 'zod';
import {
  brazeSegmentsArtifactKey,
  BrazeSegmentsArtifactSchema,
} from '../integrations/braze/segments-artifact.ts';
import {
  fieldsArtifactKey,
  OdpFieldsArtifactSchema,
  OdpPlanSchema,
  planArtifactKey,
} from '../integrations/optimizely/plan.ts';
import {
  currentsHourlyArtifactKey,
  CurrentsHourlySchema,
} from '../integrations/jacquard/currents-hourly.ts';

/**
 * The artifacts the app reads back, each with the schema its reader uses. The store keeps
 * artifacts loosely (an unknown one may be a newer app's), and a reader skips one it cannot
 * read; so a malformed one in a bundle would import and then be silently ignored. Import checks
 * these first and names the field instead. Unknown artifacts still pass as they are.
 */
export const KnownArtifactsSchema = z.looseObject({
  [planArtifactKey]: OdpPlanSchema.optional(),
  [fieldsArtifactKey]: OdpFieldsArtifactSchema.optional(),
  [brazeSegmentsArtifactKey]: BrazeSegmentsArtifactSchema.optional(),
  [currentsHourlyArtifactKey]: CurrentsHourlySchema.optional(),
});
