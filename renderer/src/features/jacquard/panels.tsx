import type { StepPanelProps } from '../step-panels.tsx';
import { CurrentsChart } from './CurrentsChart.tsx';
import { SnippetPreview } from './SnippetPreview.tsx';
import { WriteTestPanel } from './WriteTestPanel.tsx';

/** The Current step: the write-test consent, then what the Current delivered. */
export function CurrentStepPanel({ client }: StepPanelProps) {
  return (
    <>
      <WriteTestPanel client={client} />
      <CurrentsChart client={client} />
    </>
  );
}

export function SnippetStepPanel({ client }: StepPanelProps) {
  return <SnippetPreview client={client} />;
}
