import type { MainIntegration } from '../types.ts';
import { odpChecks } from './checks/index.ts';

export const optimizelyMain: MainIntegration = { id: 'optimizely', checks: odpChecks };
