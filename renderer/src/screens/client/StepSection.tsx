import { useId, type ReactNode } from 'react';

/** One titled part of a step (instructions, values, inputs …), a group named by its heading. */
export function StepSection({ title, children }: { title: string; children: ReactNode }) {
  const headingId = useId();
  return (
    <div className="step-section" role="group" aria-labelledby={headingId}>
      <h3 id={headingId}>{title}</h3>
      {children}
    </div>
  );
}
