import type { ScopedVerdict } from '../../../../shared/verdict/client-verdict.ts';
import { verdictDetail, verdictName } from '../../../../shared/verdict/verdict-text.ts';
import { useSay } from './use-verdict.ts';

/**
 * A verdict as a badge with what stands behind it and the confirmations beside it: "Failing" never
 * stands without how many, "Not verified" never without why. `label` names what it is about.
 */
export function VerdictBadge({ verdict, label }: { verdict: ScopedVerdict; label?: string }) {
  const say = useSay();
  return (
    <span className="verdict" data-verdict={verdict.verdict}>
      {label ? <span className="verdict-about">{label} </span> : null}
      <span className={`badge verdict-badge verdict-${verdict.verdict}`}>
        {verdictName(verdict, say)}
      </span>{' '}
      <span className="verdict-detail">{verdictDetail(verdict, say)}</span>
      <span className="verdict-confirmed muted">
        {' · '}
        {say('checks:verdict.confirmed', {
          done: verdict.stepsConfirmed,
          total: verdict.stepsToConfirm,
        })}
      </span>
    </span>
  );
}
