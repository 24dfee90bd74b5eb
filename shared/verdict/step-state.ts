import type { Step } from '../guides/types.ts';
import type { Client } from '../types/client.ts';
import type { NotVerifiedReason, StandingOptions } from './standing.ts';
import { verdictOfChecks } from './verdict.ts';

/**
 * What a step says about itself. "Done" needs both halves: every confirmation ticked and every
 * check that applies passed (or warned). Otherwise the most serious of: checks failing, checks not
 * verified (how many and why), confirmations still to tick.
 */
export type StepState =
  | { state: 'done' }
  | { state: 'checksFailing'; failing: number }
  | {
      state: 'notVerified';
      notVerified: number;
      reasons: Partial<Record<NotVerifiedReason, number>>;
    }
  | { state: 'waitingForConfirmation'; confirmed: number; total: number };

export type StepStateName = StepState['state'];

type StepParts = Pick<Step, 'confirmations' | 'checks'>;

/** Every confirmation of the step is ticked (false for a step that asks for none). */
export const isStepConfirmed = (client: Pick<Client, 'confirmations'>, step: StepParts): boolean =>
  step.confirmations.length > 0 && step.confirmations.every((c) => client.confirmations[c.id]);

/**
 * The state of one step, for the sidebar, the checklist, the dashboard and the reports alike;
 * null for a step with nothing to confirm or verify (troubleshooting, say).
 */
export function stepStateOf(
  client: Pick<Client, 'confirmations' | 'checkResults'>,
  step: StepParts,
  options: StandingOptions,
): StepState | null {
  const checks = verdictOfChecks(client.checkResults, step.checks, options);
  const applies = checks.passing + checks.failing + checks.notVerified;
  if (step.confirmations.length === 0 && applies === 0) return null;
  if (checks.failing > 0) return { state: 'checksFailing', failing: checks.failing };
  if (checks.notVerified > 0) {
    return { state: 'notVerified', notVerified: checks.notVerified, reasons: checks.reasons };
  }
  const confirmed = step.confirmations.filter((c) => client.confirmations[c.id]).length;
  if (confirmed < step.confirmations.length) {
    return { state: 'waitingForConfirmation', confirmed, total: step.confirmations.length };
  }
  return { state: 'done' };
}
