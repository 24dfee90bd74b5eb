import type { CheckDefinition, CheckOutcome } from '../../checks/types.ts';
import { dependencyDetails, outcome } from '../../jacquard/outcome.ts';
import { auditFrom } from '../audit.ts';

/** Fewer events than this without an anonymous one prove little either way. */
export const MIN_ANONYMOUS_SAMPLE = 200;

export const currentsAnonymousCheck: CheckDefinition = {
  id: 'currents.anonymous',
  domain: 'jacquard',
  requires: { network: false },
  dependsOn: ['currents.delivery'],
  run(ctx): Promise<CheckOutcome> {
    const sample = auditFrom(dependencyDetails(ctx.dependencies, 'currents.delivery'))?.sample;
    if (!sample || sample.events === 0)
      return Promise.resolve(outcome('inconclusive', 'currents.anonymous.noSample'));
    const anonymous = sample.externalUserId.absent;
    const params = { anonymous, events: sample.events, minimum: MIN_ANONYMOUS_SAMPLE };
    const details = { anonymous, identified: sample.externalUserId.present, events: sample.events };
    if (anonymous > 0)
      return Promise.resolve(outcome('pass', 'currents.anonymous.seen', params, details));
    if (sample.events >= MIN_ANONYMOUS_SAMPLE) {
      return Promise.resolve(outcome('warn', 'currents.anonymous.none', params, details));
    }
    return Promise.resolve(
      outcome('inconclusive', 'currents.anonymous.sampleTooSmall', params, details),
    );
  },
};
