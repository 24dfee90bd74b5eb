import type { MainIntegration } from '../types.ts';
import { brazeChecks } from './checks.ts';

export const brazeMain: MainIntegration = { id: 'braze', checks: brazeChecks };
