import { AppError } from '../../shared/errors.ts';
import type { Client } from '../../shared/types/client.ts';
import { unconfirmedHost, type HostChange } from '../../shared/secret-hosts/pending.ts';
import type { SecretReader } from '../checks/types.ts';
import type { Translate } from '../translate.ts';

/** A secret asked for while its client sends it to a host the CSM has not confirmed. */
export class UnconfirmedHostError extends Error {
  readonly change: HostChange;
  constructor(change: HostChange) {
    super(`${change.secret} is held back from ${change.requested}, a host not confirmed for it`);
    this.name = 'UnconfirmedHostError';
    this.change = change;
  }
}

/**
 * `reader` for one client, refusing (before the keychain is read) every secret held back by a host
 * change: whatever asks for it, a check or a handler, never gets it to send to the new host.
 */
export function guardedSecrets(client: Client, reader: SecretReader): SecretReader {
  return {
    get: (name) => {
      const change = unconfirmedHost(client, name);
      return change ? Promise.reject(new UnconfirmedHostError(change)) : reader.get(name);
    },
  };
}

/**
 * `guardedSecrets` for a handler's own call (finding the instance, listing campaigns): the refusal
 * becomes an error the CSM reads, naming the secret and the host it waits for.
 */
export function refusingHeldBack(client: Client, reader: SecretReader, t: Translate): SecretReader {
  const guarded = guardedSecrets(client, reader);
  return {
    get: (name) =>
      guarded.get(name).catch((error: unknown) => {
        if (!(error instanceof UnconfirmedHostError)) throw error;
        const { secret, requested: host } = error.change;
        throw new AppError('CONFLICT', t('errors:secretHosts.unconfirmed', { secret, host }));
      }),
  };
}
