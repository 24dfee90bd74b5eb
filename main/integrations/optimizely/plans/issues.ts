import type { PlanIssue } from '../../../../shared/integrations/optimizely/plan.ts';

type Params = PlanIssue['params'];

/** Issue keys live in the `odp` namespace under `issue.`. */
export const error = (path: string, key: string, params: Params = {}): PlanIssue => ({
  severity: 'error',
  path,
  messageKey: `odp:issue.${key}`,
  params,
});

export const warning = (path: string, key: string, params: Params = {}): PlanIssue => ({
  severity: 'warning',
  path,
  messageKey: `odp:issue.${key}`,
  params,
});

export const hasErrors = (issues: readonly PlanIssue[]): boolean =>
  issues.some((i) => i.severity === 'error');

/** Prefixes every issue's path, so a section's issues read as paths in the whole plan. */
export const under = (prefix: string, issues: readonly PlanIssue[]): PlanIssue[] =>
  issues.map((i) => ({ ...i, path: i.path ? `${prefix}.${i.path}` : prefix }));
