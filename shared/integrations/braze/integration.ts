import type { IntegrationDescription } from '../types.ts';
import { BrazeSection } from './client-file-section.ts';
import { brazeKeyHost } from './secret-hosts.ts';
import { brazeSegmentsArtifact } from './segments-artifact.ts';

/** Braze: the platform both partners build on. Never picked alone; the guides name its checks. */
export const brazeIntegration = {
  id: 'braze',
  secrets: [{ name: 'braze.apiKey', envVar: 'BRAZE_API_KEY', sentTo: brazeKeyHost }],
  clientFileSection: { key: 'braze', schema: BrazeSection },
  optIns: [],
  artifacts: [brazeSegmentsArtifact],
  linkHosts: ['braze.com', 'braze.eu'],
} as const satisfies IntegrationDescription;
