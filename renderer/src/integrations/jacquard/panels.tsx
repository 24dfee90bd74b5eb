import type { StepPanelProps } from '../step-panels.tsx';
import { CurrentsChart } from './CurrentsChart.tsx';
import { SnippetPreview } from './SnippetPreview.tsx';
import './jacquard.css';

/**
 * The Current step: what the Current delivered. (The "test writing" tick is the engine's generic
 * opt-in next to the step's Run button: shared/checks/opt-ins.ts offers `s3.write` there.)
 */
export function CurrentStepPanel({ client }: StepPanelProps) {
  return <CurrentsChart client={client} />;
}

export function SnippetStepPanel({ client }: StepPanelProps) {
  return <SnippetPreview client={client} />;
}
