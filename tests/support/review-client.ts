import { randomUUID } from 'node:crypto';
import { guides } from '../../shared/guides/index.ts';
import type { CheckBasis, CheckResult } from '../../shared/types/checks.ts';
import type { Client } from '../../shared/types/client.ts';
import { currentFingerprint } from '../../main/checks/fingerprint.ts';
import { ClientStore } from '../../main/store/client-store.ts';

/** Masked tail a secret leaves in the store; no report or bundle may ever contain it. */
export const secretTail = 'Q7zX';

const hour = 3_600_000;

/**
 * A client half-way through both guides, as a reviewer would receive it: ticks with notes (one
 * with characters HTML and Markdown must escape), a fresh pass, a failure, a stale result, the
 * Currents hourly chart, and secret metadata that must never leave the store.
 */
export function reviewClient(options: { name?: string; now?: number } = {}): Client {
  const now = options.now ?? Date.now();
  const iso = (ms: number) => new Date(ms).toISOString();
  const [jPre, j1] = guides.jacquard.steps;
  const confirmations: Client['confirmations'] = {};
  for (const c of jPre?.confirmations ?? []) {
    confirmations[c.id] = { by: 'Dana Moreau', at: iso(now - 2 * hour) };
  }
  const firstOfStep1 = j1?.confirmations[0];
  if (firstOfStep1) {
    confirmations[firstOfStep1.id] = {
      by: 'Dana <Moreau>',
      at: iso(now - hour),
      note: 'Keys sent by <script>alert(1)</script> & **bold** | pipe',
    };
  }
  const inputs: Client['inputs'] = {
    'braze.instance': 'EU-01',
    'jacquard.s3Folder': 'acme-retail',
    'jacquard.contactEmail': 'csm@acme.example',
    'jacquard.snippets': '{% connected_content https://example.invalid/x :save jq %}',
    'odp.region': 'eu',
  };
  const secrets: Client['secrets'] = {
    'braze.apiKey': {
      setAt: iso(now - 3 * hour),
      tail: secretTail,
      confirmedHost: 'https://rest.fra-01.braze.eu',
    },
  };
  /** What a run recorded the result was computed from: these inputs as they are now. */
  const basis = (reads: string[], endpoint: string | null, secretUsed?: 'braze.apiKey') =>
    ({
      reads,
      fingerprint: currentFingerprint({ inputs, artifacts: {} }, reads),
      secretsSavedAt: Object.fromEntries(
        secretUsed ? [[secretUsed, secrets[secretUsed]?.setAt ?? null]] : [],
      ),
      endpoint,
      dependencies: {},
    }) satisfies CheckBasis;
  // Each with the message its check gives for that outcome, as a real run would store it.
  const result = (
    id: string,
    status: CheckResult['status'],
    at: number,
    messageKey: string,
    params: CheckResult['params'],
    computedFrom: CheckBasis,
  ): CheckResult => ({
    id,
    status,
    messageKey,
    params,
    durationMs: 12,
    at: iso(at),
    basis: computedFrom,
  });
  return {
    id: randomUUID(),
    name: options.name ?? 'Acme <Retail> & Co',
    integrations: ['jacquard', 'optimizely'],
    createdAt: iso(now - 72 * hour),
    updatedAt: iso(now - hour),
    inputs,
    confirmations,
    secrets,
    checkResults: {
      'braze.api_key': result(
        'braze.api_key',
        'pass',
        now - hour,
        'checks-braze:apiKey.valid',
        { host: 'rest.fra-01.braze.eu', instance: 'EU-01' },
        basis(['inputs.braze.instance'], 'rest.fra-01.braze.eu', 'braze.apiKey'),
      ),
      's3.bucket': result(
        's3.bucket',
        'fail',
        now - 2 * hour,
        'checks-jacquard:s3.bucket.notFound',
        { bucket: 'phrasee-braze-currents-export' },
        basis(['inputs.jacquard.s3Bucket', 'inputs.jacquard.s3Folder'], null),
      ),
      'odp.api_key': result(
        'odp.api_key',
        'pass',
        now - 50 * hour,
        'checks-odp:apiKey.pass.input',
        { region: 'eu' },
        basis(['inputs.odp.region'], 'api.eu1.odp.optimizely.com'),
      ),
    },
    artifacts: {
      'currents.hourly': {
        generatedAt: iso(now - hour),
        hours: Array.from({ length: 48 }, (_, i) => ({
          hour: iso(now - (48 - i) * hour).slice(0, 13),
          emailClick: i % 7 === 0 ? 0 : 10 + i,
          other: i % 3,
        })),
      },
    },
  };
}

/** Saves reviewClient() into the store at `home`, as a CSM (`csmName`, when given) would find it. */
export async function seedReviewClient(home: string, csmName?: string): Promise<Client> {
  const store = await ClientStore.open(home);
  if (csmName !== undefined) await store.updateSettings({ csmName });
  const source = reviewClient();
  const created = await store.create({ name: source.name, integrations: source.integrations });
  return store.update(created.id, (c) => {
    Object.assign(c, { ...source, id: created.id, createdAt: created.createdAt });
  });
}

/**
 * Results as a bundle carries them: which secrets each used, but not when they were saved (that
 * stays with `client.secrets`, which never leaves the store).
 */
export function withoutSecretDates(results: Client['checkResults']): Client['checkResults'] {
  const out = structuredClone(results);
  for (const result of Object.values(out)) {
    const saved = result.basis?.secretsSavedAt ?? {};
    for (const name of Object.keys(saved)) Object.assign(saved, { [name]: null });
  }
  return out;
}
