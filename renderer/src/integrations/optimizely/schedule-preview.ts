import { useEffect, useState } from 'react';
import type {
  PlanIssue,
  RunTime,
  Schedule,
} from '../../../../shared/integrations/optimizely/plan.ts';
import { call } from '../../api/index.ts';

export interface SchedulePreview {
  runs: RunTime[];
  /** Paths relative to the schedule (`timeZone`, `end.date`). */
  issues: PlanIssue[];
}

/**
 * The next runs and problems of the schedule as typed, asked of main on each change instead of
 * after the plan's save delay. Only the answer for the latest schedule is kept.
 */
export function useSchedulePreview(schedule: Schedule | null | undefined): SchedulePreview | null {
  const [preview, setPreview] = useState<SchedulePreview | null>(null);
  const key = schedule ? JSON.stringify(schedule) : '';
  useEffect(() => {
    if (!key) return;
    let current = true;
    const typed = JSON.parse(key) as Schedule;
    call('odp:previewSchedule', { schedule: typed }).then(
      (answer) => current && setPreview(answer),
      // A value main cannot even read (too long) is reported by the plan's save.
      () => current && setPreview(null),
    );
    return () => {
      current = false;
    };
  }, [key]);
  return schedule ? preview : null;
}
