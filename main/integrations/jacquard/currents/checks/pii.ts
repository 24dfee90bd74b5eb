import type { CheckDefinition } from '../../../../checks/types.ts';
import { outcome } from '../../outcome.ts';
import { currentsSampleCheck } from './audit-check.ts';

export const currentsPiiCheck: CheckDefinition = currentsSampleCheck(
  'currents.pii',
  'currents.pii.noSample',
  (sample) => {
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
      // The sample stopped at its event budget before the end of the newest files.
      truncated: sample.truncated,
    };
    if (email.real > 0) return outcome('fail', 'currents.pii.emailPresent', params, details);
    const key =
      email.hashed > 0 && email.redacted > 0
        ? 'currents.pii.mixed'
        : email.hashed > 0
          ? 'currents.pii.hashed'
          : email.redacted > 0
            ? 'currents.pii.redacted'
            : 'currents.pii.noAddresses';
    return outcome('pass', key, params, details);
  },
);
