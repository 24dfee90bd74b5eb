import { shareableResults } from '../checks/shareable-result.ts';
import { clientFromFile } from '../client-file.ts';
import { ClientSchema, type Client } from '../types/client.ts';
import { computeChecksum } from './checksum.ts';
import { bundleVersion, type Bundle } from './schema.ts';

/**
 * A client as a bundle: every non-secret thing the app keeps about it. `client.secrets` (even the
 * masked tails and dates, also those in check results) never goes in: the receiver enters secrets
 * into their own keychain; nor does what a result shows only in the app (`shareableResult`).
 * Inputs stay under `inputs` by id, exactly as the app stores them, so the round trip is lossless.
 */
export async function bundleFromClient(client: Client, now: Date = new Date()): Promise<Bundle> {
  const body = {
    version: bundleVersion,
    id: client.id,
    name: client.name,
    integrations: [...client.integrations],
    exportedAt: now.toISOString(),
    inputs: { ...client.inputs },
    confirmations: structuredClone(client.confirmations),
    checkResults: structuredClone(shareableResults(client.checkResults)),
    artifacts: structuredClone(client.artifacts),
  } satisfies Omit<Bundle, 'checksum'>;
  return { ...body, checksum: await computeChecksum(body) };
}

/** The bundle as a client with a new id (for the store or a read-only review); no secrets. */
export function clientFromBundle(bundle: Bundle, id: string, now: Date = new Date()): Client {
  return ClientSchema.parse(clientFromFile(bundle, id, now));
}

/** Pretty JSON, as written to a `.json` file. */
export const serializeBundle = (bundle: Bundle): string => `${JSON.stringify(bundle, null, 2)}\n`;
