import type { StepPanelProps } from '../types.ts';
import { CurrentsChart } from './CurrentsChart.tsx';
import { SnippetPreview } from './SnippetPreview.tsx';
import './jacquard.css';

/**
 * The Current step: what the Current delivered. (The "test writing" tick is the engine's generic
 * opt-in next to the step's Run button: the integration's description offers `s3.write`.)
 */
export function CurrentStepPanel({ client }: StepPanelProps) {
  return <CurrentsChart client={client} />;
}

export function SnippetStepPanel({ client }: StepPanelProps) {
  return <SnippetPreview client={client} />;
}
