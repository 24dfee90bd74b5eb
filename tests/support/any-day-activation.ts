import { defaultActivation, type ActivationPlan } from '../../shared/integrations/optimizely/plan.ts';

/**
 * The suggested activation with a schedule that passes on whatever day code reading the
 * computer's clock runs (the checks, the CLI): UTC's tomorrow is never in the past in any zone,
 * and 06:30 is clear of the hours daylight-saving changes skip or repeat in Europe and the
 * Americas. The default 02:00 is not: in Paris it warned in the days before each change.
 */
export function anyDayActivation(timeZone: string): ActivationPlan {
  const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
  const suggested = defaultActivation(timeZone, tomorrow);
  return {
    ...suggested,
    schedule: suggested.schedule && { ...suggested.schedule, time: '06:30' },
  };
}
