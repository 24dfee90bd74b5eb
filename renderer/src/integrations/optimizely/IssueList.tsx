import { useTranslation } from 'react-i18next';
import type { PlanIssue } from '../../../../shared/integrations/optimizely/plan.ts';

/** The plan's problems under one path (e.g. `mappings.2`; all without one), translated, errors first. */
export function IssueList({ issues, path }: { issues: readonly PlanIssue[]; path?: string }) {
  const { t } = useTranslation();
  const mine = issues
    .filter((i) => path === undefined || i.path === path || i.path.startsWith(`${path}.`))
    .sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1));
  if (mine.length === 0) return null;
  return (
    <ul className="odp-issues">
      {mine.map((i, n) => (
        <li
          key={`${i.path}-${n}`}
          className={i.severity === 'error' ? 'field-error' : 'field-warning'}
        >
          {t(i.messageKey, i.params)}
        </li>
      ))}
    </ul>
  );
}
