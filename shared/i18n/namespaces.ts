import app from '../locales/app.json' with { type: 'json' };
import errors from '../locales/errors.json' with { type: 'json' };
import checks from '../locales/checks.json' with { type: 'json' };
import checksBraze from '../integrations/braze/locales/checks-braze.json' with { type: 'json' };
import checksJacquard from '../integrations/jacquard/locales/checks-jacquard.json' with { type: 'json' };
import guideJacquard from '../integrations/jacquard/locales/guide-jacquard.json' with { type: 'json' };
import guideOptimizely from '../integrations/optimizely/locales/guide-optimizely.json' with { type: 'json' };
import checksOdp from '../integrations/optimizely/locales/checks-odp.json' with { type: 'json' };
import odp from '../integrations/optimizely/locales/odp.json' with { type: 'json' };
import dashboard from '../locales/dashboard.json' with { type: 'json' };
import reports from '../locales/reports.json' with { type: 'json' };
import cli from '../locales/cli.json' with { type: 'json' };

/**
 * Each namespace file holds all five languages side by side, so a missing translation is visible
 * next to the English it should match (and a test fails on it).
 */
export const namespaces = {
  app,
  errors,
  checks,
  'checks-braze': checksBraze,
  'checks-jacquard': checksJacquard,
  'guide-jacquard': guideJacquard,
  'guide-optimizely': guideOptimizely,
  'checks-odp': checksOdp,
  odp,
  reports,
  dashboard,
  cli,
} as const;

export type Namespace = keyof typeof namespaces;
