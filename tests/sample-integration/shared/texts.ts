import type { IntegrationTexts } from '../../../shared/integrations/types.ts';
import contribApp from '../locales/contrib-app.json' with { type: 'json' };
import contribChecks from '../locales/contrib-checks.json' with { type: 'json' };
import guideSample from '../locales/guide-sample.json' with { type: 'json' };

export const sampleTexts = {
  namespaces: { 'guide-sample': guideSample },
  contributions: { app: contribApp, checks: contribChecks },
} satisfies IntegrationTexts;
