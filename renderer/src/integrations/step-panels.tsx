import type { ComponentType } from 'react';
import type { Client } from '../../../shared/types/client.ts';
import { CurrentStepPanel, SnippetStepPanel } from './jacquard/panels.tsx';
import { BrazeInstancePanel } from './braze/BrazeInstancePanel.tsx';
import {
  ActivationStepPanel,
  MappingsStepPanel,
  ScheduleStepPanel,
  SegmentsStepPanel,
  TroubleshootingStepPanel,
} from './optimizely/panels.tsx';

export interface StepPanelProps {
  client: Client;
}

/**
 * Extra UI attached to a guide step, drawn by the step view after its standard sections
 * (Braze segment picker, Currents chart, ODP mapping editor …). Add one line per panel:
 * `'optimizely.step2': MappingEditor,` with the component in `features/<domain>/`.
 */
export const stepPanels: Readonly<Record<string, ComponentType<StepPanelProps>>> = {
  'jacquard.prerequisites': BrazeInstancePanel,
  'optimizely.prerequisites': BrazeInstancePanel,
  'jacquard.current': CurrentStepPanel,
  'jacquard.connectedContent': SnippetStepPanel,
  'optimizely.segments': SegmentsStepPanel,
  'optimizely.mappings': MappingsStepPanel,
  'optimizely.activation': ActivationStepPanel,
  'optimizely.schedule': ScheduleStepPanel,
  'optimizely.troubleshooting': TroubleshootingStepPanel,
};
