import type { SecretName } from '../../shared/integrations/lists.ts';

/**
 * The OS keychain as the app and the CLI see it. Accounts are `<clientId>/<secretName>`: stable
 * ids, never names or paths, so renaming or moving a client never orphans its secrets.
 */
export interface SecretStore {
  get(clientId: string, name: SecretName): Promise<string | null>;
  set(clientId: string, name: SecretName, value: string): Promise<void>;
  /** True when something was deleted. */
  delete(clientId: string, name: SecretName): Promise<boolean>;
}

export const keychainService = 'partner-setup-assistant';
export const accountFor = (clientId: string, name: SecretName): string => `${clientId}/${name}`;
