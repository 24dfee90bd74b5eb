import type { CheckDefinition } from '../../../checks/types.ts';
import { odpRegionBases, type OdpRegion } from '../region.ts';
import { apiKeyCheck } from './api-key.ts';
import { brazeKeyCheck } from './braze-key.ts';
import { currentsEndpointCheck } from './currents-endpoint.ts';
import { fieldsCheck } from './fields.ts';
import { activationPlanCheck, mappingsPlanCheck, segmentsPlanCheck } from './plan-checks.ts';

/**
 * The Optimizely Data Platform checks. `regionBases` replaces ODP's regional hosts, so tests can
 * prove region inference against local fakes (clients point at one local base with `odp.apiBase`).
 */
export function createOdpChecks(
  regionBases: Readonly<Record<OdpRegion, string>> = odpRegionBases,
): CheckDefinition[] {
  return [
    apiKeyCheck(regionBases),
    fieldsCheck(regionBases),
    currentsEndpointCheck,
    brazeKeyCheck,
    segmentsPlanCheck,
    mappingsPlanCheck,
    activationPlanCheck,
  ];
}

export const odpChecks: readonly CheckDefinition[] = createOdpChecks();
