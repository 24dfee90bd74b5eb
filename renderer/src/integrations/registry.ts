import { brazeStepPanels } from './braze/index.ts';
import { jacquardStepPanels } from './jacquard/index.ts';
import { optimizelyStepPanels } from './optimizely/index.ts';
import type { StepPanels } from './types.ts';

/**
 * The registry of integrations, the renderer's half: with the shared and main registries, the only
 * place outside an integration's own folders that names one. The step view draws what it lists.
 */
export const stepPanels: StepPanels = {
  ...brazeStepPanels,
  ...jacquardStepPanels,
  ...optimizelyStepPanels,
};
