import type { Client, SecretMeta } from '../../shared/types/client.ts';
import type { SecretName } from '../../shared/integrations/lists.ts';
import { requestedHost } from '../../shared/secret-hosts/rules.ts';

/**
 * The host a secret saved now is confirmed for: where the inputs send it as the CSM saves it, or,
 * when it is saved again, the host already confirmed, so that saving a key never confirms a
 * change still waiting for the CSM.
 */
export function hostForSave(client: Pick<Client, 'inputs' | 'secrets'>, secret: SecretName) {
  const existing = client.secrets[secret];
  return existing ? existing.confirmedHost : requestedHost(client, secret);
}

/**
 * After the CSM's own edit in the app: a secret saved before its inputs named any host takes the
 * first host they name (nothing was ever sent, so no host changed). A change from one host to
 * another stays for the CSM to confirm.
 */
export function bindFirstHosts(draft: Client): void {
  for (const [secret, meta] of Object.entries(draft.secrets) as [SecretName, SecretMeta][]) {
    if (meta.confirmedHost === null) meta.confirmedHost = requestedHost(draft, secret);
  }
}

/** A host change as the CSM was shown it: the secret and the host it now goes to. */
export interface ShownHost {
  secret: SecretName;
  host: string;
}

/**
 * Confirms the hosts the CSM was shown. False, with nothing changed, when one of them is no longer
 * where the inputs send that secret (edited again meanwhile): the CSM must see the new one.
 */
export function confirmShownHosts(draft: Client, shown: readonly ShownHost[]): boolean {
  if (shown.some(({ secret, host }) => requestedHost(draft, secret) !== host)) return false;
  for (const { secret, host } of shown) {
    const meta = draft.secrets[secret];
    if (meta) meta.confirmedHost = host;
  }
  return true;
}
