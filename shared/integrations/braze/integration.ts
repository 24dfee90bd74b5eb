import type { IntegrationDescription } from '../types.ts';
import { BrazeSection } from './client-file-section.ts';
import { brazeSegmentsArtifact } from './segments-artifact.ts';
import checksBraze from './locales/checks-braze.json' with { type: 'json' };
import contribApp from './locales/contrib-app.json' with { type: 'json' };
import contribChecks from './locales/contrib-checks.json' with { type: 'json' };

/** Braze: the platform both partners build on. Never picked alone; the guides name its checks. */
export const brazeIntegration = {
  id: 'braze',
  namespaces: { 'checks-braze': checksBraze },
  contributions: { app: contribApp, checks: contribChecks },
  secrets: [{ name: 'braze.apiKey', envVar: 'BRAZE_API_KEY' }],
  clientFileSection: { key: 'braze', schema: BrazeSection },
  optIns: [],
  artifacts: [brazeSegmentsArtifact],
  linkHosts: ['braze.com', 'braze.eu'],
} as const satisfies IntegrationDescription;
