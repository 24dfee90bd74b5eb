import { randomUUID } from 'node:crypto';
import { clientFileVersion, clientFromFile, type ClientFile } from '../../shared/client-file.ts';
import type { Client } from '../../shared/types/client.ts';
import type { SecretName } from '../../shared/integrations/lists.ts';
import type { SecretReader } from '../../main/checks/types.ts';

/** A client as a client file would describe it (sections map to input ids). */
export const testClient = (parts: Partial<Omit<ClientFile, 'version'>> = {}): Client =>
  clientFromFile(
    {
      version: clientFileVersion,
      name: 'Acme Retail',
      integrations: ['jacquard', 'optimizely'],
      ...parts,
    },
    randomUUID(),
  );

/** Secrets held in memory, for engine tests (the CLI and the app read the environment or the keychain). */
export const secretsOf = (values: Partial<Record<SecretName, string>>): SecretReader => ({
  get: (name) => Promise.resolve(values[name] ?? null),
});
