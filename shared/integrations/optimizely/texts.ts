import type { IntegrationTexts } from '../types.ts';
import checksOdp from './locales/checks-odp.json' with { type: 'json' };
import contribApp from './locales/contrib-app.json' with { type: 'json' };
import contribChecks from './locales/contrib-checks.json' with { type: 'json' };
import guideOptimizely from './locales/guide-optimizely.json' with { type: 'json' };
import odp from './locales/odp.json' with { type: 'json' };

export const optimizelyTexts = {
  namespaces: { 'guide-optimizely': guideOptimizely, 'checks-odp': checksOdp, odp },
  contributions: { app: contribApp, checks: contribChecks },
} satisfies IntegrationTexts;
