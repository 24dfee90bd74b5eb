import type { CheckDefinition, CheckOutcome } from '../../checks/types.ts';
import { listCustomerFields } from '../api.ts';
import { looksLikePublicKey, odpHost, resolveOdpTarget, type OdpRegion } from '../region.ts';
import { notOdpOutcome, ns } from './shared.ts';

/**
 * Reads the `customers` fields with the private key: the call ODP answers only for a valid private
 * key on the right regional host, and one that changes nothing.
 */
export function apiKeyCheck(bases: Readonly<Record<OdpRegion, string>>): CheckDefinition {
  return {
    id: 'odp.api_key',
    domain: 'optimizely',
    requires: { secrets: ['odp.apiKey'], network: true },
    host: odpHost,
    async run(ctx): Promise<CheckOutcome> {
      const key = await ctx.secrets.get('odp.apiKey');
      if (!key) return { status: 'fail', messageKey: `${ns}:apiKey.missing` };
      const target = resolveOdpTarget(ctx.client, key, bases);
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
      // No response at all (timeout, offline, refused URL) is worded by the engine, as for every domain.
      const result = await listCustomerFields(ctx.http, target, key, ctx.signal);
      if (result.kind === 'forbidden') {
        const publicKey = looksLikePublicKey(key);
        return {
          status: 'fail',
          messageKey: `${ns}:apiKey.${publicKey ? 'forbiddenPublic' : 'forbidden'}`,
          params: { ...params, status: result.status },
          details: {
            ...details,
            status: result.status,
            causes: ['wrongKey', 'publicKey', 'wrongRegion'],
            looksLikePublicKey: publicKey,
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
