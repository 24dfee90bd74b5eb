import type { MessageParams } from '../../types/checks.ts';

export interface InstanceVerdict {
  instance: string;
  /** accepted: the key authenticated; rejected: 401; inactive: 403 for the account; error: no usable answer. */
  verdict: 'accepted' | 'rejected' | 'inactive' | 'error';
}

export interface FindInstanceSummary {
  messageKey: string;
  params: MessageParams;
}

const list = (attempts: readonly InstanceVerdict[]): string =>
  attempts.map((a) => a.instance).join(', ');

/**
 * What "Find my instance" tells the CSM. "The key itself is wrong" only when every instance
 * answered and refused it: an instance that knows the key but calls the account inactive, or
 * instances that could not be reached, mean something else and need another action.
 */
export function summarizeFindInstance(attempts: readonly InstanceVerdict[]): FindInstanceSummary {
  const by = (verdict: InstanceVerdict['verdict']) => attempts.filter((a) => a.verdict === verdict);
  const accepted = by('accepted');
  if (accepted.length > 0)
    return { messageKey: 'checks-braze:find.found', params: { instances: list(accepted) } };
  const inactive = by('inactive');
  if (inactive.length > 0)
    return { messageKey: 'checks-braze:find.inactive', params: { instances: list(inactive) } };
  const unreachable = by('error');
  if (unreachable.length > 0) {
    return {
      messageKey: 'checks-braze:find.unreachable',
      params: { count: unreachable.length, instances: list(unreachable) },
    };
  }
  return { messageKey: 'checks-braze:find.none', params: {} };
}
