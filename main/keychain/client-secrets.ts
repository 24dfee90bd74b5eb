import { AppError } from '../../shared/errors.ts';
import { secretNames, type SecretName } from '../../shared/integrations/lists.ts';
import type { SecretMeta } from '../../shared/types/client.ts';
import type { SecretStatus } from '../../shared/types/secrets.ts';
import { hostForSave } from '../secret-hosts/binding.ts';
import type { ClientStore } from '../store/client-store.ts';
import type { SecretStore } from './secret-store.ts';
import { inputRedactors } from '../inputs/redaction.ts';

/** Shorter secrets show no tail at all: four characters of a short token is too much of it. */
const minLengthForTail = 12;

export const maskedTail = (value: string): string | null =>
  value.length >= minLengthForTail ? value.slice(-4) : null;

/**
 * A client's secrets: values in the keychain, and in the store only what the UI may show
 * (when it was set and a masked tail).
 */
export class ClientSecrets {
  private readonly store: ClientStore;
  private readonly keychain: SecretStore;
  private readonly now: () => Date;

  constructor(store: ClientStore, keychain: SecretStore, now: () => Date = () => new Date()) {
    this.store = store;
    this.keychain = keychain;
    this.now = now;
  }

  async status(clientId: string): Promise<SecretStatus[]> {
    const client = this.store.get(clientId);
    const out: SecretStatus[] = [];
    for (const name of secretNames) {
      const meta = client.secrets[name];
      const present = (await this.keychain.get(clientId, name)) !== null;
      const state = present ? 'set' : meta ? 'unavailable' : 'missing';
      out.push({
        name,
        state,
        tail: present ? (meta?.tail ?? null) : null,
        setAt: meta?.setAt ?? null,
      });
    }
    return out;
  }

  /**
   * Saves a secret. It is confirmed for the host its client sends it to now (`hostForSave`), or,
   * when copied from another client, for the host it was confirmed for there.
   */
  async set(
    clientId: string,
    name: SecretName,
    value: string,
    copiedFrom?: SecretMeta,
  ): Promise<SecretStatus> {
    this.store.get(clientId);
    await this.keychain.set(clientId, name, value);
    const setAt = this.now().toISOString();
    const tail = maskedTail(value);
    await this.store.update(clientId, (c) => {
      const confirmedHost = copiedFrom ? copiedFrom.confirmedHost : hostForSave(c, name);
      c.secrets[name] = { setAt, tail, confirmedHost };
      // Text pasted before this secret was saved may still hold it verbatim.
      for (const r of inputRedactors.filter((r) => r.secret === name)) {
        const current = c.inputs[r.inputId];
        if (current !== undefined) c.inputs[r.inputId] = r.redact(current, value);
      }
    });
    return { name, state: 'set', setAt, tail };
  }

  /** The value to store for an input: any secret it may carry taken out. */
  async redactInput(clientId: string, inputId: string, value: string): Promise<string> {
    const redactor = inputRedactors.find((r) => r.inputId === inputId);
    if (!redactor || value === '') return value;
    return redactor.redact(
      value,
      await this.keychain.get(clientId, redactor.secret).catch(() => null),
    );
  }

  async delete(clientId: string, name: SecretName): Promise<SecretStatus> {
    this.store.get(clientId);
    await this.keychain.delete(clientId, name);
    await this.store.update(clientId, (c) => {
      delete c.secrets[name];
    });
    return { name, state: 'missing', tail: null, setAt: null };
  }

  /** Removes every secret of a client; the client itself is removed only if this succeeds. */
  async deleteAll(clientId: string): Promise<void> {
    const client = this.store.get(clientId);
    try {
      for (const name of secretNames) await this.keychain.delete(clientId, name);
    } catch (error) {
      // A client that never had a secret can go even when no keychain is reachable.
      const hadSecrets = Object.keys(client.secrets).length > 0;
      if (hadSecrets || !(error instanceof AppError)) throw error;
    }
  }

  /**
   * Copies the secrets of one client to another (duplicating a client), each confirmed for the host
   * it was confirmed for on the original: a change waiting there waits on the copy too.
   */
  async copy(fromId: string, toId: string): Promise<void> {
    const from = this.store.get(fromId);
    for (const [name, meta] of Object.entries(from.secrets) as [SecretName, SecretMeta][]) {
      const value = await this.keychain.get(fromId, name);
      if (value !== null) await this.set(toId, name, value, meta);
    }
  }
}
