import { AsyncEntry } from '@napi-rs/keyring';
import type { SecretName } from '../../shared/integrations/lists.ts';
import { keychainService, accountFor, type SecretStore } from './secret-store.ts';
import { keychainFailure, type KeychainMessages } from './keychain-errors.ts';

/**
 * Secrets in the OS keychain (Keychain on macOS, Credential Manager on Windows, the Secret Service
 * on Linux). On Linux the entry is pinned to the Secret Service: without the pin the library falls
 * back silently to the kernel keyring, which forgets everything at reboot.
 */
export class KeyringSecretStore implements SecretStore {
  private readonly messages: () => KeychainMessages;
  private readonly service: string;

  /** `messages` is read at failure time, so they follow the CSM's current language. */
  constructor(messages: () => KeychainMessages, service: string = keychainService) {
    this.messages = messages;
    this.service = service;
  }

  async get(clientId: string, name: SecretName): Promise<string | null> {
    return this.guard(() => this.entry(clientId, name).getPassword());
  }

  async set(clientId: string, name: SecretName, value: string): Promise<void> {
    await this.guard(() => this.entry(clientId, name).setPassword(value));
  }

  async delete(clientId: string, name: SecretName): Promise<boolean> {
    return this.guard(() => this.entry(clientId, name).deleteCredential());
  }

  /** Writes, reads back and deletes a canary entry: the only proof the keychain really works. */
  async probe(): Promise<void> {
    await this.guard(async () => {
      const entry = new AsyncEntry(this.service, '__probe__', pinned);
      await entry.setPassword('probe');
      const back = await entry.getPassword();
      await entry.deleteCredential();
      if (back !== 'probe') throw new Error('Secret Service: no result found');
    });
  }

  private entry(clientId: string, name: SecretName): AsyncEntry {
    return new AsyncEntry(this.service, accountFor(clientId, name), pinned);
  }

  private async guard<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      throw keychainFailure(error, this.messages());
    }
  }
}

const pinned =
  process.platform === 'linux' ? { linux: { store: 'secret-service' as const } } : undefined;
