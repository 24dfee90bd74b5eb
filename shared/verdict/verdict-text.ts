import { notVerifiedReasons, type NotVerifiedReason } from './standing.ts';
import type { StepState } from './step-state.ts';
import type { Verdict } from './verdict.ts';

/** A translate function, whichever side calls (i18next's `t` on either side fits). */
export type Say = (key: string, params?: Record<string, string | number>) => string;

/** "not run: 2, outdated: 1", in the fixed order of the reasons. */
export function reasonsText(reasons: Partial<Record<NotVerifiedReason, number>>, say: Say): string {
  return notVerifiedReasons
    .filter((reason) => (reasons[reason] ?? 0) > 0)
    .map((reason) => say(`checks:verdict.reason.${reason}`, { count: reasons[reason] ?? 0 }))
    .join(', ');
}

/** The verdict's name alone: "Verified", "Failing", "Not verified". */
export const verdictName = (verdict: Verdict, say: Say): string =>
  say(`checks:verdict.name.${verdict.verdict}`);

/**
 * What stands behind the verdict: how many passed, how many failed, or how many could not be
 * verified and why. Never a count of failures alone when nothing was verified.
 */
export function verdictDetail(verdict: Verdict, say: Say): string {
  switch (verdict.verdict) {
    case 'verified':
      return say('checks:verdict.detail.verified', { count: verdict.passing });
    case 'failing':
      return say('checks:verdict.detail.failing', { count: verdict.failing });
    case 'not-verified':
      return verdict.notVerified === 0
        ? say('checks:verdict.detail.nothingChecked')
        : say('checks:verdict.detail.notVerified', {
            count: verdict.notVerified,
            reasons: reasonsText(verdict.reasons, say),
          });
  }
}

/** The verdict in one line: "Failing — failed checks: 2". */
export const verdictLine = (verdict: Verdict, say: Say): string =>
  say('checks:verdict.line', {
    verdict: verdictName(verdict, say),
    detail: verdictDetail(verdict, say),
  });

/** The step's state as a short label, and the detail behind it (null for "Done"). */
export function stepStateText(
  state: StepState,
  say: Say,
): { label: string; detail: string | null } {
  const label = say(`checks:stepState.${state.state}`);
  switch (state.state) {
    case 'done':
      return { label, detail: null };
    case 'checksFailing':
      return { label, detail: say('checks:stepState.detail.failing', { count: state.failing }) };
    case 'notVerified':
      return {
        label,
        detail: say('checks:stepState.detail.notVerified', {
          count: state.notVerified,
          reasons: reasonsText(state.reasons, say),
        }),
      };
    case 'waitingForConfirmation':
      return {
        label,
        detail: say('checks:stepState.detail.waiting', {
          confirmed: state.confirmed,
          total: state.total,
        }),
      };
  }
}
