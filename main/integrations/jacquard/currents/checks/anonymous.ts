import type { CheckDefinition } from '../../../../checks/types.ts';
import { outcome } from '../../outcome.ts';
import { currentsSampleCheck } from './audit-check.ts';

/** Fewer events than this without an anonymous one prove little either way. */
export const MIN_ANONYMOUS_SAMPLE = 200;

export const currentsAnonymousCheck: CheckDefinition = currentsSampleCheck(
  'currents.anonymous',
  'currents.anonymous.noSample',
  (sample) => {
    const anonymous = sample.externalUserId.absent;
    const params = { anonymous, events: sample.events, minimum: MIN_ANONYMOUS_SAMPLE };
    const details = {
      anonymous,
      identified: sample.externalUserId.present,
      events: sample.events,
      truncated: sample.truncated,
    };
    if (anonymous > 0) return outcome('pass', 'currents.anonymous.seen', params, details);
    if (sample.events >= MIN_ANONYMOUS_SAMPLE) {
      return outcome('warn', 'currents.anonymous.none', params, details);
    }
    return outcome('inconclusive', 'currents.anonymous.sampleTooSmall', params, details);
  },
);
