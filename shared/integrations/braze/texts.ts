import type { IntegrationTexts } from '../types.ts';
import checksBraze from './locales/checks-braze.json' with { type: 'json' };
import contribApp from './locales/contrib-app.json' with { type: 'json' };
import contribChecks from './locales/contrib-checks.json' with { type: 'json' };

export const brazeTexts = {
  namespaces: { 'checks-braze': checksBraze },
  contributions: { app: contribApp, checks: contribChecks },
} satisfies IntegrationTexts;
