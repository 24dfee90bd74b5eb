import type { StepState } from '../../../../shared/verdict/step-state.ts';
import { stepStateText } from '../../../../shared/verdict/verdict-text.ts';
import { useSay } from './use-verdict.ts';

/** A step's state ("Done", "Checks failing" …) and, unless done, what is behind it. */
export function StepStateBadge({
  state,
  compact = false,
}: {
  state: StepState;
  compact?: boolean;
}) {
  const say = useSay();
  const { label, detail } = stepStateText(state, say);
  return (
    <span className="step-state" data-step-state={state.state}>
      <span className={`tag step-state-tag state-${state.state}`}>{label}</span>
      {detail ? (
        <span className={compact ? 'visually-hidden' : 'step-state-detail muted'}>
          {compact ? `: ${detail}` : ` ${detail}`}
        </span>
      ) : null}
    </span>
  );
}
