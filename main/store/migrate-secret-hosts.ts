import { requestedHost } from '../../shared/secret-hosts/rules.ts';
import { SecretNameSchema } from '../../shared/integrations/lists.ts';

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const isStringRecord = (v: unknown): v is Record<string, string> =>
  isRecord(v) && Object.values(v).every((value) => typeof value === 'string');

/** One stored client with each saved secret confirmed for the host its inputs name now. */
function confirmCurrentHosts(client: unknown): unknown {
  if (!isRecord(client) || !isStringRecord(client.inputs) || !isRecord(client.secrets)) {
    return client; // not a valid client: the schema refuses it as before
  }
  const inputs = client.inputs;
  const secrets = Object.fromEntries(
    Object.entries(client.secrets).map(([name, meta]) => {
      const secret = SecretNameSchema.safeParse(name);
      const confirmedHost = secret.success ? requestedHost({ inputs }, secret.data) : null;
      return [name, isRecord(meta) ? { ...meta, confirmedHost } : meta];
    }),
  );
  return { ...client, secrets };
}

/**
 * Store version 1 → 2: secrets record the host they were confirmed for. Clients saved before that
 * are taken as the CSM left them: each secret is confirmed for the host its client sends it to now,
 * and only later changes wait for the CSM.
 */
export function migrateToSecretHosts(data: Record<string, unknown>): Record<string, unknown> {
  const clients = Array.isArray(data.clients)
    ? data.clients.map(confirmCurrentHosts)
    : data.clients;
  return { ...data, version: 2, clients };
}
