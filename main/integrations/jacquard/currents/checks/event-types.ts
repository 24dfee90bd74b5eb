import type { CheckDefinition } from '../../../../checks/types.ts';
import { outcome } from '../../outcome.ts';
import type { TypeSummary } from '../audit.ts';
import { MAX_FILES_PER_HOUR } from '../discover.ts';
import { EMAIL_CLICK } from '../keys.ts';
import { currentsAuditCheck } from './audit-check.ts';

export const currentsEventTypesCheck: CheckDefinition = currentsAuditCheck(
  'currents.event_types',
  (audit) => {
    if (!audit || audit.types.length === 0) {
      return outcome('inconclusive', 'currents.event_types.nothingYet');
    }
    const others = audit.types.filter((t) => t.type !== EMAIL_CLICK);
    const details = {
      types: audit.types.map((t) => ({
        type: t.type,
        files: t.filesInWindow,
        newestHour: t.newestHour,
        cappedHours: t.cappedHours,
      })),
    };
    if (others.length === 0) return outcome('pass', 'currents.event_types.ok', {}, details);
    // Files in the last 48 hours (+ when an hour held more than were counted), or the newest
    // hour for a type that has been quiet since.
    const capped = (t: TypeSummary) => (t.cappedHours.length > 0 ? '+' : '');
    const list = others
      .map((t) =>
        t.filesInWindow > 0
          ? `${t.type} (${t.filesInWindow}${capped(t)})`
          : `${t.type} (${t.newestHour ?? '—'})`,
      )
      .join(', ');
    const hasClick = others.length < audit.types.length;
    const key = hasClick ? 'currents.event_types.unexpected' : 'currents.event_types.noEmailClick';
    return outcome(
      'warn',
      others.some((t) => capped(t)) ? `${key}Capped` : key,
      { count: others.length, types: list, limit: MAX_FILES_PER_HOUR },
      details,
    );
  },
);
