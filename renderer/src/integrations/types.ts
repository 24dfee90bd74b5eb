import type { ComponentType } from 'react';
import type { Client } from '../../../shared/types/client.ts';

export interface StepPanelProps {
  client: Client;
}

/**
 * Extra UI an integration attaches to guide steps, drawn by the step view after a step's standard
 * sections (segment picker, Currents chart, mapping editor …), by step id.
 */
export type StepPanels = Readonly<Record<string, ComponentType<StepPanelProps>>>;
