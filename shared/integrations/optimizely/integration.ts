import type { IntegrationDescription } from '../types.ts';
import { OdpSection } from './client-file-section.ts';
import { optimizelyGuide } from './guide.ts';
import { currentsTokenHost, odpKeyHost } from './secret-hosts.ts';
import { odpFieldsArtifact, odpPlanArtifact } from './plan.ts';

/** Optimizely Data Platform ⇄ Braze: ODP's Braze app, Custom Currents, segments, activation. */
export const optimizelyIntegration = {
  id: 'optimizely',
  guide: optimizelyGuide,
  secrets: [
    { name: 'odp.apiKey', envVar: 'ODP_API_KEY', sentTo: odpKeyHost },
    { name: 'odp.currentsToken', envVar: 'ODP_CURRENTS_TOKEN', sentTo: currentsTokenHost },
  ],
  clientFileSection: { key: 'odp', schema: OdpSection },
  optIns: [{ id: 'odp.currentsLive', checks: ['odp.currents_endpoint'] }],
  artifacts: [odpPlanArtifact, odpFieldsArtifact],
  linkHosts: ['optimizely.com', 'zaius.com'],
} as const satisfies IntegrationDescription;
