import type { TestContext } from 'node:test';
import { KeyringSecretStore } from '../../main/keychain/keyring-store.ts';
import { ClientStore } from '../../main/store/client-store.ts';
import type { Client } from '../../shared/types/client.ts';
import { tempDir } from './temp-dir.ts';

/** The OS keychain as the app uses it (the private one of scripts/with-keyring.sh in tests). */
export const testKeyring = (): KeyringSecretStore =>
  new KeyringSecretStore(() => ({
    unavailable: 'unavailable',
    locked: 'locked',
  }));

/**
 * "Acme Retail" (Optimizely) saved in a fresh home, its Braze REST endpoint the given (fake) one
 * and its Braze key in the keychain until the test ends: a client as a CSM leaves it in the app.
 */
export async function savedBrazeClient(
  t: TestContext,
  restEndpoint: string,
  brazeApiKey: string,
): Promise<{ home: string; store: ClientStore; client: Client }> {
  const home = await tempDir(t);
  const store = await ClientStore.open(home);
  const client = await store.create({ name: 'Acme Retail', integrations: ['optimizely'] });
  await store.update(client.id, (c) => {
    c.inputs['braze.instance'] = 'custom';
    c.inputs['braze.restEndpoint'] = restEndpoint;
  });
  const keychain = testKeyring();
  await keychain.set(client.id, 'braze.apiKey', brazeApiKey);
  t.after(() => keychain.delete(client.id, 'braze.apiKey'));
  return { home, store, client };
}
