import type { MainIntegration } from '../types.ts';
import { odpChecks } from './checks/index.ts';
import { planReportSections } from './report-sections.ts';

export const optimizelyMain: MainIntegration = {
  id: 'optimizely',
  checks: odpChecks,
  reportSections: planReportSections,
};
