import type { StepPanels } from '../types.ts';
import { BrazeInstancePanel } from './BrazeInstancePanel.tsx';

/** Both partners' guides start from the client's Braze instance. */
export const brazeStepPanels: StepPanels = {
  'jacquard.prerequisites': BrazeInstancePanel,
  'optimizely.prerequisites': BrazeInstancePanel,
};
