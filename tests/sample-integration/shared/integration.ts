import { z } from 'zod';
import { webUrlField } from '../../../shared/client-file-fields.ts';
import type { IntegrationDescription } from '../../../shared/integrations/types.ts';
import contribApp from '../locales/contrib-app.json' with { type: 'json' };
import contribChecks from '../locales/contrib-checks.json' with { type: 'json' };
import guideSample from '../locales/guide-sample.json' with { type: 'json' };
import { sampleGuide } from './guide.ts';

export const sampleIntegration = {
  id: 'sample',
  guide: sampleGuide,
  namespaces: { 'guide-sample': guideSample },
  contributions: { app: contribApp, checks: contribChecks },
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
