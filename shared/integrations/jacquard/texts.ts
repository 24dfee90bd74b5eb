import type { IntegrationTexts } from '../types.ts';
import checksJacquard from './locales/checks-jacquard.json' with { type: 'json' };
import contribApp from './locales/contrib-app.json' with { type: 'json' };
import contribChecks from './locales/contrib-checks.json' with { type: 'json' };
import contribReports from './locales/contrib-reports.json' with { type: 'json' };
import guideJacquard from './locales/guide-jacquard.json' with { type: 'json' };

export const jacquardTexts = {
  namespaces: { 'checks-jacquard': checksJacquard, 'guide-jacquard': guideJacquard },
  contributions: { app: contribApp, checks: contribChecks, reports: contribReports },
} satisfies IntegrationTexts;
