import { secretNames, type SecretName } from '../integrations/lists.ts';
import type { Client } from '../types/client.ts';
import { isHostBound, requestedHost } from './rules.ts';

/** A saved secret whose client now sends it to a host the CSM has not confirmed for it. */
export interface HostChange {
  secret: SecretName;
  /** Where it was confirmed to go; null when no host was named when it was saved. */
  confirmed: string | null;
  /** Where the inputs send it now. */
  requested: string;
}

type ClientHosts = Pick<Client, 'inputs' | 'secrets'>;

/**
 * The change that holds `secret` back, or null when it may be used. A secret the store has no
 * record of was never saved through the app (a client file's secrets come from the environment,
 * for that file alone) and is not held back; every secret saved in the app has a record.
 */
export function unconfirmedHost(client: ClientHosts, secret: SecretName): HostChange | null {
  const meta = client.secrets[secret];
  if (!meta || !isHostBound(secret)) return null;
  const requested = requestedHost(client, secret);
  // No host named: the secret cannot be sent anywhere, so there is nothing to confirm.
  if (requested === null || requested === meta.confirmedHost) return null;
  return { secret, confirmed: meta.confirmedHost, requested };
}

/** Every secret of the client held back until the CSM confirms its new host, in a fixed order. */
export const pendingHostChanges = (client: ClientHosts): HostChange[] =>
  secretNames.flatMap((secret) => unconfirmedHost(client, secret) ?? []);
