import type { IntegrationDescription } from '../types.ts';
import { JacquardSection } from './client-file-section.ts';
import { currentsHourlyArtifact } from './currents-hourly.ts';
import { withoutOtherFolders } from './folder-result.ts';
import { jacquardGuide } from './guide.ts';
import { s3KeyHost } from './secret-hosts.ts';
import { snippetPreviewArtifact } from './snippet-preview.ts';

/** Jacquard Dynamic Optimisation: a Braze Current into Jacquard's S3 bucket, Jacquard X snippets. */
export const jacquardIntegration = {
  id: 'jacquard',
  guide: jacquardGuide,
  secrets: [
    { name: 'jacquard.awsAccessKeyId', envVar: 'JACQUARD_AWS_ACCESS_KEY_ID', sentTo: s3KeyHost },
    {
      name: 'jacquard.awsSecretAccessKey',
      envVar: 'JACQUARD_AWS_SECRET_ACCESS_KEY',
      sentTo: s3KeyHost,
    },
    { name: 'jacquard.connectToken', envVar: 'JACQUARD_CONNECT_TOKEN' },
  ],
  clientFileSection: { key: 'jacquard', schema: JacquardSection },
  optIns: [{ id: 's3.write', checks: ['s3.permissions'] }],
  artifacts: [currentsHourlyArtifact, snippetPreviewArtifact],
  linkHosts: ['jacquard.com', 'phrasee.co'],
  resultScrubs: { 's3.folder': withoutOtherFolders },
} as const satisfies IntegrationDescription;
