import type { Client } from '../../../shared/types/client.ts';
import {
  odpApiBaseOverride,
  odpRegionBases,
  odpRegions,
  type OdpRegion,
} from '../../../shared/integrations/optimizely/api-hosts.ts';

export { odpRegionBases, odpRegions, type OdpRegion };

/**
 * The region a key names, as ODP's own SDK reads it: drop everything after the last `.`, then look
 * for a `-eu1` / `-au1` suffix. Null when the key carries no suffix (US keys have none, so a bare
 * key could be US or simply lack the hint).
 */
export function regionFromKey(apiKey: string): OdpRegion | null {
  const dot = apiKey.lastIndexOf('.');
  const head = dot === -1 ? apiKey : apiKey.slice(0, dot);
  if (head.endsWith('-eu1')) return 'eu';
  if (head.endsWith('-au1')) return 'au';
  return null;
}

/**
 * A private key is `<tracker id>.<secret>`; a public key (tracker id) has no dot. An inference from
 * ODP's SDK test fixtures, used only to word an explanation, never to refuse a key.
 */
export const looksLikePublicKey = (apiKey: string): boolean => !apiKey.includes('.');

/** `detected`: the key names no region and "Detect automatically" found the one that accepts it. */
export type RegionSource = 'key' | 'input' | 'default' | 'detected';

export interface OdpTarget {
  region: OdpRegion;
  regionSource: RegionSource;
  /** Base URL without a trailing slash; the `odp.apiBase` override when set. */
  base: string;
  /** The region the CSM chose when it disagrees with the key's suffix. */
  conflictingInput: OdpRegion | null;
  /**
   * Regions still to try when the default one refuses the key: only when the CSM left the region
   * on "Detect automatically", the key names none and no `odp.apiBase` pins the host.
   */
  fallbacks: readonly OdpRegion[];
}

const isRegion = (value: string | undefined): value is OdpRegion =>
  (odpRegions as readonly string[]).includes(value ?? '');

/** Where ODP calls for this client go, and why that region. */
export function resolveOdpTarget(
  client: Client,
  apiKey: string,
  bases: Readonly<Record<OdpRegion, string>> = odpRegionBases,
): OdpTarget {
  const chosen = client.inputs['odp.region']?.trim().toLowerCase();
  const fromKey = regionFromKey(apiKey);
  let region: OdpRegion = 'us';
  let regionSource: RegionSource = 'default';
  if (fromKey) {
    region = fromKey;
    regionSource = 'key';
  } else if (isRegion(chosen)) {
    region = chosen;
    regionSource = 'input';
  }
  const override = odpApiBaseOverride(client);
  return {
    region,
    regionSource,
    base: (override || bases[region]).replace(/\/+$/, ''),
    conflictingInput: fromKey && isRegion(chosen) && chosen !== fromKey ? chosen : null,
    fallbacks:
      regionSource === 'default' && !override ? odpRegions.filter((r) => r !== region) : [],
  };
}

/** The target moved to a region found by trying the key there (never used with an override). */
export const detectedTarget = (
  region: OdpRegion,
  bases: Readonly<Record<OdpRegion, string>>,
): OdpTarget => ({
  region,
  regionSource: 'detected',
  base: bases[region].replace(/\/+$/, ''),
  conflictingInput: null,
  fallbacks: [],
});

/** The host a check talks to, for the engine's per-host cap (key unknown here, so input-based). */
export function odpHost(client: Client): string | null {
  const override = odpApiBaseOverride(client);
  const chosen = client.inputs['odp.region']?.trim().toLowerCase();
  try {
    return new URL(override || odpRegionBases[isRegion(chosen) ? chosen : 'us']).host;
  } catch {
    return null;
  }
}
