import type { IntegrationDescription } from '../types.ts';
import { JacquardSection } from './client-file-section.ts';
import { currentsHourlyArtifact } from './currents-hourly.ts';
import { withoutOtherFolders } from './folder-result.ts';
import { jacquardGuide } from './guide.ts';
import { snippetPreviewArtifact } from './snippet-preview.ts';
import checksJacquard from './locales/checks-jacquard.json' with { type: 'json' };
import contribApp from './locales/contrib-app.json' with { type: 'json' };
import contribChecks from './locales/contrib-checks.json' with { type: 'json' };
import contribReports from './locales/contrib-reports.json' with { type: 'json' };
import guideJacquard from './locales/guide-jacquard.json' with { type: 'json' };

/** Jacquard Dynamic Optimisation: a Braze Current into Jacquard's S3 bucket, Jacquard X snippets. */
export const jacquardIntegration = {
  id: 'jacquard',
  guide: jacquardGuide,
  namespaces: { 'checks-jacquard': checksJacquard, 'guide-jacquard': guideJacquard },
  contributions: { app: contribApp, checks: contribChecks, reports: contribReports },
  secrets: [
    { name: 'jacquard.awsAccessKeyId', envVar: 'JACQUARD_AWS_ACCESS_KEY_ID' },
    { name: 'jacquard.awsSecretAccessKey', envVar: 'JACQUARD_AWS_SECRET_ACCESS_KEY' },
    { name: 'jacquard.connectToken', envVar: 'JACQUARD_CONNECT_TOKEN' },
  ],
  clientFileSection: { key: 'jacquard', schema: JacquardSection },
  optIns: [{ id: 's3.write', checks: ['s3.permissions'] }],
  artifacts: [currentsHourlyArtifact, snippetPreviewArtifact],
  linkHosts: ['jacquard.com', 'phrasee.co'],
  resultScrubs: { 's3.folder': withoutOtherFolders },
} as const satisfies IntegrationDescription;
