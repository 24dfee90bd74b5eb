import type { TestContext } from 'node:test';
import { ClientSecrets } from '../../main/keychain/client-secrets.ts';
import type { SecretStore } from '../../main/keychain/secret-store.ts';
import { ClientStore } from '../../main/store/client-store.ts';
import type { Client } from '../../shared/types/client.ts';
import type { SecretName } from '../../shared/integrations/lists.ts';
import { tempDir } from './temp-dir.ts';

/** Every secret the app sends somewhere, with values a search of recorded headers can find. */
export const sentSecrets = {
  'braze.apiKey': '7c1e4b2a-93f0-4d6e-8a51-0f2b9c3d4e5f',
  'odp.apiKey': 'W4WzcEs-ABgXorzY7h1LCQ.pK9sEcretOdpPrivateKey',
  'odp.currentsToken': 'currents-token-Zq8uR3vT6yW1xA4',
  'jacquard.awsAccessKeyId': 'AKIAIOSFODNN7HOSTTEST',
  'jacquard.awsSecretAccessKey': 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYHOSTTESTKEY',
} as const satisfies Partial<Record<SecretName, string>>;

/** The hosts a client on Braze's and ODP's own services and AWS sends its secrets to. */
export const ownHosts = {
  braze: 'https://rest.iad-03.braze.com',
  currents: 'https://function.eu1.ocp.optimizely.com',
} as const;

/**
 * "Acme Retail" on both integrations, on Braze's US-03 instance, ODP's EU region, AWS's S3 and
 * ODP's Currents URL, with every secret the app sends saved as the app saves them (keychain value,
 * and in the store the host each was confirmed for). `keychain` defaults to the OS keychain's.
 */
export async function clientWithSavedSecrets(
  t: TestContext,
  keychain: SecretStore,
): Promise<{ home: string; store: ClientStore; client: Client }> {
  const home = await tempDir(t);
  const store = await ClientStore.open(home);
  const created = await store.create({
    name: 'Acme Retail',
    integrations: ['jacquard', 'optimizely'],
  });
  await store.update(created.id, (c) => {
    Object.assign(c.inputs, {
      'braze.instance': 'US-03',
      'odp.region': 'eu',
      'odp.currentsUrl': `${ownHosts.currents}/braze/currents`,
      'jacquard.s3Folder': 'acme-retail',
    });
  });
  const secrets = new ClientSecrets(store, keychain);
  for (const [name, value] of Object.entries(sentSecrets) as [SecretName, string][]) {
    await secrets.set(created.id, name, value);
    t.after(() => keychain.delete(created.id, name));
  }
  return { home, store, client: store.get(created.id) };
}

/** An exported bundle document pointed at `url` for every host a secret goes to. */
export function pointedAt(document: Record<string, unknown>, url: string): Record<string, unknown> {
  return {
    ...document,
    inputs: {
      ...(document.inputs as Record<string, string>),
      'braze.instance': 'custom',
      'braze.restEndpoint': url,
      'odp.apiBase': url,
      'odp.currentsUrl': `${url}/braze/currents`,
      'jacquard.s3Endpoint': url,
    },
  };
}
