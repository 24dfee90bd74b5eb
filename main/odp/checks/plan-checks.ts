import { z } from 'zod';
import { OdpFieldSchema, type OdpField } from '../../../shared/odp-plan.ts';
import type { CheckContext, CheckDefinition } from '../../checks/types.ts';
import { readBrazeSegments, readFields, readPlan } from '../artifacts.ts';
import { validateActivation } from '../plans/activation.ts';
import { validateMappings, withDefaultEmailTarget } from '../plans/mappings.ts';
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

export const segmentsPlanCheck: CheckDefinition = {
  id: 'odp.segments',
  domain: 'optimizely',
  requires: { network: false },
  run(ctx) {
    const plan = readPlan(ctx.client);
    const segments = plan?.segments ?? { importAll: false, segments: [] };
    const known = readBrazeSegments(ctx.client);
    const outcome = issuesOutcome(
      'segments',
      validateSegments(segments, known ? new Set(known.map((s) => s.id)) : null),
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
  domain: 'optimizely',
  requires: { network: false },
  // Read fresh when the key works; otherwise (offline, no key yet) against the fields saved last time.
  dependsOn: ['odp.fields'],
  anyDependencyVerdict: true,
  run(ctx) {
    const fields = currentFields(ctx);
    if (!fields) {
      return Promise.resolve({ status: 'inconclusive', messageKey: `${ns}:mappings.noFields` });
    }
    const mappings = readPlan(ctx.client)?.mappings ?? [];
    return Promise.resolve(
      issuesOutcome('mappings', validateMappings(withDefaultEmailTarget(mappings, fields), fields)),
    );
  },
};

export const activationPlanCheck: CheckDefinition = {
  id: 'odp.activation',
  domain: 'optimizely',
  requires: { network: false },
  // customer.* values are checked against ODP's fields as they are now, else as saved.
  dependsOn: ['odp.fields'],
  anyDependencyVerdict: true,
  run(ctx) {
    const activation = readPlan(ctx.client)?.activation;
    if (!activation) {
      return Promise.resolve({ status: 'warn', messageKey: `${ns}:activation.none` });
    }
    const fields = currentFields(ctx);
    return Promise.resolve(
      issuesOutcome('activation', validateActivation(activation, fields, new Date())),
    );
  },
};
