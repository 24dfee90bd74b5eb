import type { PlanIssue } from '../../../../shared/integrations/optimizely/plan.ts';
import type { JsonValue } from '../../../../shared/types/checks.ts';
import type { CheckOutcome } from '../../../checks/types.ts';

export const ns = 'checks-odp';

/**
 * An answer that did not come from ODP (a portal's page, a proxy's error): inconclusive, naming
 * the host and showing what it said, the secrets already blanked from `excerpt`.
 */
export function notOdpOutcome(url: string, status: number, excerpt: string): CheckOutcome {
  return {
    status: 'inconclusive',
    messageKey: `${ns}:reply.notOdp`,
    params: { host: new URL(url).host, status, excerpt: excerpt || '—' },
    details: { answer: 'not ODP', httpStatus: status, bodyExcerpt: excerpt },
  };
}

/** Plan issues as a check outcome: any error fails, any warning warns. */
export function issuesOutcome(section: string, issues: readonly PlanIssue[]): CheckOutcome {
  const errors = issues.filter((i) => i.severity === 'error').length;
  const warnings = issues.length - errors;
  const details: JsonValue = {
    issues: issues.map((i) => ({
      severity: i.severity,
      path: i.path,
      messageKey: i.messageKey,
      params: i.params,
    })),
  };
  if (errors > 0) {
    return {
      status: 'fail',
      messageKey: `${ns}:${section}.fail`,
      params: { errors, warnings },
      details,
    };
  }
  if (warnings > 0) {
    return { status: 'warn', messageKey: `${ns}:${section}.warn`, params: { warnings }, details };
  }
  return { status: 'pass', messageKey: `${ns}:${section}.pass`, params: {}, details };
}
