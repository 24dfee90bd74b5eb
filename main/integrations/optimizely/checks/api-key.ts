import type { CheckContext, CheckDefinition, CheckOutcome } from '../../../checks/types.ts';
import { listCustomerFields, type OdpCallResult } from '../api.ts';
import type { OdpField } from '../../../../shared/integrations/optimizely/plan.ts';
import {
  detectedTarget,
  looksLikePublicKey,
  odpHost,
  resolveOdpTarget,
  type OdpRegion,
  type OdpTarget,
} from '../region.ts';
import { notOdpOutcome, ns } from './shared.ts';

interface KeyReading {
  target: OdpTarget;
  result: OdpCallResult<OdpField[]>;
  /** Every region that answered 403, in the order tried. */
  refusedIn: OdpRegion[];
}

/**
 * Reads the fields where the key should live; with "Detect automatically" and a key naming no
 * region, a refusal there moves on to the other regions (the same read-only call each time).
 */
async function readWithKey(
  ctx: CheckContext,
  key: string,
  bases: Readonly<Record<OdpRegion, string>>,
): Promise<KeyReading> {
  const first = resolveOdpTarget(ctx.client, key, bases);
  const refusedIn: OdpRegion[] = [];
  let target = first;
  let result = await listCustomerFields(ctx.http, target, key, ctx.signal);
  for (const region of first.fallbacks) {
    if (result.kind !== 'forbidden') break;
    refusedIn.push(target.region);
    target = detectedTarget(region, bases);
    result = await listCustomerFields(ctx.http, target, key, ctx.signal);
  }
  if (result.kind === 'forbidden') refusedIn.push(target.region);
  return { target, result, refusedIn };
}

/** Why ODP said 403, worded from what the app knows: the key's shape and the regions tried. */
function forbiddenKey(key: string, refusedIn: readonly OdpRegion[]): string {
  if (looksLikePublicKey(key)) return 'forbiddenPublic';
  return refusedIn.length > 1 ? 'forbiddenEveryRegion' : 'forbidden';
}

/**
 * Reads the `customers` fields with the private key: the call ODP answers only for a valid private
 * key on the right regional host, and one that changes nothing.
 */
export function apiKeyCheck(bases: Readonly<Record<OdpRegion, string>>): CheckDefinition {
  return {
    id: 'odp.api_key',
    requires: { secrets: ['odp.apiKey'], network: true },
    host: odpHost,
    async run(ctx): Promise<CheckOutcome> {
      const key = await ctx.secrets.get('odp.apiKey');
      if (!key) return { status: 'fail', messageKey: `${ns}:apiKey.missing` };
      // No response at all (timeout, offline, refused URL) is worded by the engine, as for every domain.
      const { target, result, refusedIn } = await readWithKey(ctx, key, bases);
      const params = {
        region: target.region.toUpperCase(),
        base: target.base,
        source: target.regionSource,
      };
      const details = {
        region: target.region,
        regionSource: target.regionSource,
        base: target.base,
      };
      if (result.kind === 'forbidden') {
        return {
          status: 'fail',
          messageKey: `${ns}:apiKey.${forbiddenKey(key, refusedIn)}`,
          params: {
            ...params,
            status: result.status,
            regions: refusedIn.map((r) => r.toUpperCase()).join(', '),
          },
          details: {
            ...details,
            status: result.status,
            refusedIn: [...refusedIn],
            looksLikePublicKey: looksLikePublicKey(key),
          },
        };
      }
      if (result.kind === 'notOdp') {
        return notOdpOutcome(target.base, result.status, result.excerpt);
      }
      if (result.kind === 'unexpected') {
        return {
          status: 'inconclusive',
          messageKey: `${ns}:apiKey.unexpected`,
          params: { ...params, status: result.status, message: result.message },
          details: { ...details, status: result.status },
        };
      }
      if (target.conflictingInput) {
        return {
          status: 'warn',
          messageKey: `${ns}:apiKey.regionConflict`,
          params: { ...params, chosen: target.conflictingInput.toUpperCase() },
          details,
        };
      }
      return {
        status: 'pass',
        messageKey: `${ns}:apiKey.pass.${target.regionSource}`,
        params,
        details,
      };
    },
  };
}
