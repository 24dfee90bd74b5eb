import { AppError } from '../../shared/errors.ts';
import { maxActivationFields, planArtifactKey } from '../../shared/odp-plan.ts';
import { extraActivationFields, planView } from '../odp/plan-view.ts';
import { nextRuns, validateSchedule } from '../odp/plans/schedule.ts';
import type { Services } from '../services.ts';
import type { Handlers } from './types.ts';

type OdpChannels = 'odp:getPlan' | 'odp:savePlan' | 'odp:previewSchedule';

export function odpHandlers(s: Services): Handlers<OdpChannels> {
  return {
    'odp:getPlan': ({ clientId }) => Promise.resolve(planView(s.store.get(clientId), new Date())),
    'odp:savePlan': async ({ clientId, plan }) => {
      const extra = extraActivationFields(plan);
      if (extra > 0) {
        throw new AppError(
          'BAD_REQUEST',
          s.t('odp:error.tooManyFields', { max: maxActivationFields, extra }),
        );
      }
      const stored = { ...plan, updatedAt: new Date().toISOString() };
      const client = await s.store.update(clientId, (c) => {
        c.artifacts[planArtifactKey] = stored;
      });
      return planView(client, new Date());
    },
    'odp:previewSchedule': ({ schedule }) => {
      const now = new Date();
      return Promise.resolve({
        runs: nextRuns(schedule, now),
        issues: validateSchedule(schedule, now),
      });
    },
  };
}
