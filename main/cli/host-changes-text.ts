import type { HostChange } from '../../shared/secret-hosts/pending.ts';
import type { Translate } from '../translate.ts';

/** Host changes on one line: `braze.apiKey: https://old → https://new; …`. */
export const hostChangesText = (changes: readonly HostChange[], t: Translate): string =>
  changes
    .map((change) =>
      t('cli:hosts.change', {
        secret: change.secret,
        from: change.confirmed ?? t('cli:hosts.none'),
        to: change.requested,
      }),
    )
    .join('; ');
