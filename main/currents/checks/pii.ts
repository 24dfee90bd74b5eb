import type { CheckDefinition, CheckOutcome } from '../../checks/types.ts';
import { dependencyDetails, outcome } from '../../jacquard/outcome.ts';
import { auditFrom } from '../audit.ts';

export const currentsPiiCheck: CheckDefinition = {
  id: 'currents.pii',
  domain: 'jacquard',
  requires: { network: false },
  dependsOn: ['currents.delivery'],
  run(ctx): Promise<CheckOutcome> {
    const sample = auditFrom(dependencyDetails(ctx.dependencies, 'currents.delivery'))?.sample;
    if (!sample || sample.events === 0)
      return Promise.resolve(outcome('inconclusive', 'currents.pii.noSample'));
    const { email } = sample;
    const params = {
      events: sample.events,
      files: sample.files,
      real: email.real,
      externalIds: sample.externalUserId.present,
      userIds: sample.userId.present,
    };
    const details = {
      email,
      externalUserId: sample.externalUserId,
      userId: sample.userId,
      events: sample.events,
    };
    if (email.real > 0)
      return Promise.resolve(outcome('fail', 'currents.pii.emailPresent', params, details));
    const key =
      email.hashed > 0 && email.redacted > 0
        ? 'currents.pii.mixed'
        : email.hashed > 0
          ? 'currents.pii.hashed'
          : email.redacted > 0
            ? 'currents.pii.redacted'
            : 'currents.pii.noAddresses';
    return Promise.resolve(outcome('pass', key, params, details));
  },
};
