import { z } from 'zod';
import {
  odpFieldsArtifact,
  type OdpFieldsArtifact,
} from '../../../../shared/integrations/optimizely/plan.ts';
import type { JsonValue } from '../../../../shared/types/checks.ts';
import type { CheckContext, CheckDefinition, CheckOutcome } from '../../../checks/types.ts';
import { listCustomerFields } from '../api.ts';
import { defaultEmailField } from '../plans/mappings.ts';
import {
  detectedTarget,
  odpHost,
  odpRegions,
  resolveOdpTarget,
  type OdpRegion,
  type OdpTarget,
} from '../region.ts';
import { notOdpOutcome, ns } from './shared.ts';

const DetectedRegionSchema = z.object({
  regionSource: z.literal('detected'),
  region: z.enum(odpRegions),
});

/** Where `odp.api_key` found the key in this run when it had to search, else where it should be. */
function targetFor(
  ctx: CheckContext,
  key: string,
  bases: Readonly<Record<OdpRegion, string>>,
): OdpTarget {
  const detected = DetectedRegionSchema.safeParse(ctx.dependencies.get('odp.api_key')?.details);
  return detected.success
    ? detectedTarget(detected.data.region, bases)
    : resolveOdpTarget(ctx.client, key, bases);
}

/** Lists ODP's customer fields for the mapping editor and keeps them with the client for offline use. */
export function fieldsCheck(bases: Readonly<Record<OdpRegion, string>>): CheckDefinition {
  return {
    id: 'odp.fields',
    requires: { secrets: ['odp.apiKey'], network: true },
    dependsOn: ['odp.api_key'],
    host: odpHost,
    async run(ctx): Promise<CheckOutcome> {
      const key = await ctx.secrets.get('odp.apiKey');
      if (!key) return { status: 'fail', messageKey: `${ns}:apiKey.missing` };
      const target = targetFor(ctx, key, bases);
      // No response at all (timeout, offline, refused URL) is worded by the engine, as for every domain.
      const result = await listCustomerFields(ctx.http, target, key, ctx.signal);
      if (result.kind === 'notOdp') {
        return notOdpOutcome(target.base, result.status, result.excerpt);
      }
      if (result.kind !== 'ok') {
        return {
          status: 'inconclusive',
          messageKey: `${ns}:fields.unavailable`,
          params: { status: result.status },
        };
      }
      const fields = [...result.value].sort((a, b) => a.name.localeCompare(b.name));
      const artifact: OdpFieldsArtifact = {
        fetchedAt: new Date().toISOString(),
        region: target.region,
        fields,
      };
      ctx.saveArtifact(odpFieldsArtifact, artifact);
      const email = defaultEmailField(fields);
      const details: JsonValue = {
        fields: fields.map((f) => ({ ...f })),
        lastSeenEmail: email,
      };
      if (!email) {
        return {
          status: 'warn',
          messageKey: `${ns}:fields.noLastSeenEmail`,
          params: { count: fields.length },
          details,
        };
      }
      return {
        status: 'pass',
        messageKey: `${ns}:fields.pass`,
        params: { count: fields.length, emailField: email },
        details,
      };
    },
  };
}
