import type { IntegrationDescription } from '../types.ts';
import { OdpSection } from './client-file-section.ts';
import { optimizelyGuide } from './guide.ts';
import checksOdp from './locales/checks-odp.json' with { type: 'json' };
import contribApp from './locales/contrib-app.json' with { type: 'json' };
import contribChecks from './locales/contrib-checks.json' with { type: 'json' };
import guideOptimizely from './locales/guide-optimizely.json' with { type: 'json' };
import odp from './locales/odp.json' with { type: 'json' };
import { odpFieldsArtifact, odpPlanArtifact } from './plan.ts';

/** Optimizely Data Platform ⇄ Braze: ODP's Braze app, Custom Currents, segments, activation. */
export const optimizelyIntegration = {
  id: 'optimizely',
  guide: optimizelyGuide,
  namespaces: { 'guide-optimizely': guideOptimizely, 'checks-odp': checksOdp, odp },
  contributions: { app: contribApp, checks: contribChecks },
  secrets: [
    { name: 'odp.apiKey', envVar: 'ODP_API_KEY' },
    { name: 'odp.currentsToken', envVar: 'ODP_CURRENTS_TOKEN' },
  ],
  clientFileSection: { key: 'odp', schema: OdpSection },
  optIns: [{ id: 'odp.currentsLive', checks: ['odp.currents_endpoint'] }],
  artifacts: [odpPlanArtifact, odpFieldsArtifact],
  linkHosts: ['optimizely.com', 'zaius.com'],
} as const satisfies IntegrationDescription;
