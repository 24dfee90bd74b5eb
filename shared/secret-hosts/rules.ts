import type { SecretName } from '../integrations/lists.ts';
import { integrations } from '../integrations/registry.ts';
import type { IntegrationDescription, SecretDef } from '../integrations/types.ts';
import type { ClientInputs } from './destination.ts';

/** Every secret the app sends over the network, with where it goes: from the integrations. */
const senders: ReadonlyMap<string, NonNullable<SecretDef['sentTo']>> = new Map(
  (integrations as readonly IntegrationDescription[])
    .flatMap((integration) => integration.secrets)
    .flatMap(({ name, sentTo }) => (sentTo ? [[name, sentTo] as const] : [])),
);

/** Whether the app ever sends this secret to a host (some it only checks on this computer). */
export const isHostBound = (secret: SecretName): boolean => senders.has(secret);

/** Where the client's inputs send `secret` now; null when they name no host or it is never sent. */
export const requestedHost = (client: ClientInputs, secret: SecretName): string | null =>
  senders.get(secret)?.(client) ?? null;
