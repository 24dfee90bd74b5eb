import type { StepPanels } from '../types.ts';
import {
  ActivationStepPanel,
  MappingsStepPanel,
  ScheduleStepPanel,
  SegmentsStepPanel,
  TroubleshootingStepPanel,
} from './panels.tsx';

export const optimizelyStepPanels: StepPanels = {
  'optimizely.segments': SegmentsStepPanel,
  'optimizely.mappings': MappingsStepPanel,
  'optimizely.activation': ActivationStepPanel,
  'optimizely.schedule': ScheduleStepPanel,
  'optimizely.troubleshooting': TroubleshootingStepPanel,
};
