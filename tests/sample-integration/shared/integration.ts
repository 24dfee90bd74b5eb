import { z } from 'zod';
import { webUrlField } from '../../../shared/client-file-fields.ts';
import type { IntegrationDescription } from '../../../shared/integrations/types.ts';
import { sampleGuide } from './guide.ts';

export const sampleIntegration = {
  id: 'sample',
  guide: sampleGuide,
  secrets: [{ name: 'sample.apiKey', envVar: 'SAMPLE_API_KEY' }],
  clientFileSection: {
    key: 'sample',
    schema: z
      .strictObject({ apiBase: webUrlField('The sample partner’s API.').optional() })
      .meta({ description: 'Sample partner settings.' }),
  },
  optIns: [],
  artifacts: [],
  linkHosts: ['sample.example'],
} satisfies IntegrationDescription;
