import { AppError } from '../../../shared/errors.ts';
import {
  maxActivationFields,
  planArtifactKey,
} from '../../../shared/integrations/optimizely/plan.ts';
import type { Client } from '../../../shared/types/client.ts';
import { brazeKeySecret } from '../braze/context.ts';
import { listBrazeTargets, noList } from './braze-targets.ts';
import { extraActivationFields, planView } from './plan-view.ts';
import { nextRuns, validateSchedule } from './plans/schedule.ts';
import { SecretScrubber } from '../../redaction/secret-scrubber.ts';
import type { Services } from '../../services.ts';
import type { Handlers } from '../../handlers/types.ts';

type OdpChannels = 'odp:getPlan' | 'odp:savePlan' | 'odp:previewSchedule' | 'odp:brazeTargets';

export function odpHandlers(s: Services): Handlers<OdpChannels> {
  return {
    'odp:getPlan': ({ clientId }) => Promise.resolve(planView(s.store.get(clientId), s.now())),
    'odp:savePlan': async ({ clientId, plan }) => {
      const extra = extraActivationFields(plan);
      if (extra > 0) {
        throw new AppError(
          'BAD_REQUEST',
          s.t('odp:error.tooManyFields', { max: maxActivationFields, extra }),
        );
      }
      const now = s.now();
      const stored = { ...plan, updatedAt: now.toISOString() };
      const outdated = (c: Client) => Object.values(c.checkResults).filter((r) => r.outdated);
      const before = outdated(s.store.get(clientId)).length;
      const client = await s.store.update(clientId, (c) => {
        c.artifacts[planArtifactKey] = stored;
      });
      // The edit outdated plan checks' results: the open client is re-read to show it.
      if (outdated(client).length !== before) s.events.emit('client:changed', { clientId });
      return planView(client, now);
    },
    'odp:brazeTargets': async ({ clientId, kind }) => {
      const client = s.store.get(clientId);
      const apiKey = (await s.secretReader(client).get(brazeKeySecret))?.trim();
      if (!apiKey) return noList('unavailable');
      try {
        const list = await listBrazeTargets(s.httpClient(), client, apiKey, kind);
        // Names come from Braze, shown to the CSM and kept with the plan: never a quoted key.
        const scrubber = SecretScrubber.of([apiKey]);
        return { ...list, items: list.items.map((item) => scrubber.json(item)) };
      } catch {
        // No answer (offline, timeout): the CSM types the id instead.
        return noList('unavailable');
      }
    },
    'odp:previewSchedule': ({ schedule }) => {
      const now = s.now();
      return Promise.resolve({
        runs: nextRuns(schedule, now),
        issues: validateSchedule(schedule, now),
      });
    },
  };
}
