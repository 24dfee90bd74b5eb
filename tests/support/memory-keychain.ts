import type { SecretStore } from '../../main/keychain/secret-store.ts';

/** An in-memory keychain whose whole content can be compared before and after an action. */
export interface MemoryKeychain extends SecretStore {
  /** Every entry as `account=value`, sorted: equal snapshots mean nothing was added, changed or removed. */
  snapshot(): string[];
}

/** An in-memory keychain for tests that are not about the keychain (those use the real one). */
export function memoryKeychain(): MemoryKeychain {
  const values = new Map<string, string>();
  return {
    get: (id, name) => Promise.resolve(values.get(`${id}/${name}`) ?? null),
    set: (id, name, value) => Promise.resolve(void values.set(`${id}/${name}`, value)),
    delete: (id, name) => Promise.resolve(values.delete(`${id}/${name}`)),
    snapshot: () => [...values].map(([account, value]) => `${account}=${value}`).sort(),
  };
}
