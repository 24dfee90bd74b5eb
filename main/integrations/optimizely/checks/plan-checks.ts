import { z } from 'zod';
import { brazeSegmentsArtifact } from '../../../../shared/integrations/braze/segments-artifact.ts';
import {
  emptyOdpPlan,
  OdpFieldSchema,
  type OdpField,
  type OdpPlan,
} from '../../../../shared/integrations/optimizely/plan.ts';
import type { CheckContext, CheckDefinition, CheckOutcome } from '../../../checks/types.ts';
import { readBrazeSegments, readFields, savedPlan } from '../artifacts.ts';
import { validateActivation } from '../plans/activation.ts';
import { defaultEmailField, validateMappings, withDefaultEmailTarget } from '../plans/mappings.ts';
import { validateSegments } from '../plans/segments.ts';
import { issuesOutcome, ns } from './shared.ts';

/**
 * ODP's fields as fetched in this run by `odp.fields` (the engine keeps a run's artifacts apart from
 * the client until the run ends), else as saved with the client.
 */
function currentFields(ctx: CheckContext): OdpField[] | null {
  const fresh = FreshFieldsSchema.safeParse(ctx.dependencies.get('odp.fields')?.details);
  return fresh.success ? fresh.data.fields : (readFields(ctx.client)?.fields ?? null);
}
const FreshFieldsSchema = z.object({ fields: z.array(OdpFieldSchema) });

/**
 * The saved plan (null when none was saved), or the failure every plan check reports when the saved
 * one no longer reads: judging it as "no plan" would ask the CSM to plan again what is there.
 */
function planOrFailure(ctx: CheckContext): { plan: OdpPlan | null } | { failure: CheckOutcome } {
  const saved = savedPlan(ctx.client);
  if (saved.kind === 'unreadable') {
    return {
      failure: {
        status: 'fail',
        messageKey: `${ns}:plan.unreadable`,
        params: { field: saved.field },
        details: { field: saved.field },
      },
    };
  }
  return { plan: saved.kind === 'ok' ? saved.plan : null };
}

/**
 * Ids of the client's Braze segments as `braze.segments` listed them in this run, else as saved
 * with the client; null when never listed.
 */
function currentBrazeSegmentIds(ctx: CheckContext): ReadonlySet<string> | null {
  const segments =
    ctx.dependencyArtifact(brazeSegmentsArtifact)?.segments ?? readBrazeSegments(ctx.client);
  return segments ? new Set(segments.map((s) => s.id)) : null;
}

export const segmentsPlanCheck: CheckDefinition = {
  id: 'odp.segments',
  requires: { network: false },
  // "No longer in Braze" is judged on Braze's list as it is now, else as saved (offline, no key).
  dependsOn: ['braze.segments'],
  anyDependencyVerdict: true,
  run(ctx) {
    const read = planOrFailure(ctx);
    if ('failure' in read) return Promise.resolve(read.failure);
    const segments = read.plan?.segments ?? { importAll: false, segments: [] };
    const outcome = issuesOutcome(
      'segments',
      validateSegments(segments, currentBrazeSegmentIds(ctx)),
    );
    return Promise.resolve({
      ...outcome,
      ...(segments.importAll ? { messageKey: `${ns}:segments.passAll` } : {}),
      params: { ...outcome.params, count: segments.segments.length },
    });
  },
};

export const mappingsPlanCheck: CheckDefinition = {
  id: 'odp.mappings',
  requires: { network: false },
  // Read fresh when the key works; otherwise (offline, no key yet) against the fields saved last time.
  dependsOn: ['odp.fields'],
  anyDependencyVerdict: true,
  run(ctx) {
    const read = planOrFailure(ctx);
    if ('failure' in read) return Promise.resolve(read.failure);
    const fields = currentFields(ctx);
    if (!fields) {
      return Promise.resolve({ status: 'inconclusive', messageKey: `${ns}:mappings.noFields` });
    }
    // Without a saved plan ODP keeps its default Email → "Last Seen Email" mapping, which is what
    // the plan the app starts with holds: judged as such, not as every mapping removed.
    const mappings = (read.plan ?? emptyOdpPlan(defaultEmailField(fields))).mappings;
    return Promise.resolve(
      issuesOutcome('mappings', validateMappings(withDefaultEmailTarget(mappings, fields), fields)),
    );
  },
};

export const activationPlanCheck: CheckDefinition = {
  id: 'odp.activation',
  requires: { network: false },
  // customer.* values are checked against ODP's fields as they are now, else as saved.
  dependsOn: ['odp.fields'],
  anyDependencyVerdict: true,
  run(ctx) {
    const read = planOrFailure(ctx);
    if ('failure' in read) return Promise.resolve(read.failure);
    const activation = read.plan?.activation;
    if (!activation) {
      return Promise.resolve({ status: 'warn', messageKey: `${ns}:activation.none` });
    }
    const fields = currentFields(ctx);
    return Promise.resolve(
      issuesOutcome('activation', validateActivation(activation, fields, ctx.now())),
    );
  },
};
