import type { StepState } from '../../../../shared/verdict/step-state.ts';
import { stepStateText } from '../../../../shared/verdict/verdict-text.ts';
import { useSay } from './use-verdict.ts';

const marks: Record<StepState['state'], string> = {
  done: '✓',
  checksFailing: '✗',
  notVerified: '?',
  waitingForConfirmation: '○',
};

/** A step's state in the side nav: a mark for the eye, the words for a screen reader. */
export function StepStateMark({ state }: { state: StepState }) {
  const say = useSay();
  const { label, detail } = stepStateText(state, say);
  return (
    <span className={`nav-step-state state-${state.state}`} title={detail ?? label}>
      <span aria-hidden="true">{marks[state.state]}</span>
      <span className="visually-hidden">{detail ? `${label}: ${detail}` : label}</span>
    </span>
  );
}
