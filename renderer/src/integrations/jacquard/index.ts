import type { StepPanels } from '../types.ts';
import { CurrentStepPanel, SnippetStepPanel } from './panels.tsx';

export const jacquardStepPanels: StepPanels = {
  'jacquard.current': CurrentStepPanel,
  'jacquard.connectedContent': SnippetStepPanel,
};
