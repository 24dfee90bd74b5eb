import type { SecretStore } from '../../main/keychain/secret-store.ts';

/** An in-memory keychain for tests that are not about the keychain (those use the real one). */
export function memoryKeychain(): SecretStore {
  const values = new Map<string, string>();
  return {
    get: (id, name) => Promise.resolve(values.get(`${id}/${name}`) ?? null),
    set: (id, name, value) => Promise.resolve(void values.set(`${id}/${name}`, value)),
    delete: (id, name) => Promise.resolve(values.delete(`${id}/${name}`)),
  };
}
