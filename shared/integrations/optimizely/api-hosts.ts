export const odpRegions = ['us', 'eu', 'au'] as const;
export type OdpRegion = (typeof odpRegions)[number];

/** ODP's documented REST hosts (all under `/v3`). */
export const odpRegionBases: Readonly<Record<OdpRegion, string>> = {
  us: 'https://api.zaius.com',
  eu: 'https://api.eu1.odp.optimizely.com',
  au: 'https://api.au1.odp.optimizely.com',
};

/** The CSM's `odp.apiBase` (advanced, or a local service): when set, every ODP call goes there. */
export const odpApiBaseOverride = (client: { inputs: Record<string, string> }): string =>
  client.inputs['odp.apiBase']?.trim() ?? '';
