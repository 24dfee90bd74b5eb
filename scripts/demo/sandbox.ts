import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startBrazeFake, type BrazeFake } from '../../tests/support/braze-fake.ts';
import { writeCurrentsLayout } from '../../tests/support/currents-layout.ts';
import { startOdpFake, type OdpFake } from '../../tests/support/odp-fake.ts';
import { startS3TestBed, type S3TestBed } from '../../tests/support/s3-gateway.ts';
import { currentsBatches, type ClientScenario, type DemoClientKey } from './scenarios.ts';
import { brazeInstance, brazeWorkspace, jacquardBucket, odpCustomerFields } from './workspace.ts';

/** The secrets a practice client was issued; fresh random values on every start, never printed. */
export interface DemoSecrets {
  brazeApiKey: string;
  awsAccessKeyId: string;
  awsSecretAccessKey: string;
  connectToken: string;
  odpApiKey: string;
}

/**
 * The local services of the test bed, with the practice workspace's data: the Braze REST fake, the
 * ODP fake and real s3rver behind the SigV4/IAM gateway (in its own process), all on 127.0.0.1.
 */
export interface Sandbox {
  braze: BrazeFake;
  odp: OdpFake;
  s3: S3TestBed;
  /** Bearer token of the ODP account's Custom Currents endpoint. */
  odpCurrentsToken: string;
  /** Only clients that have started their setup have secrets. */
  secrets: ReadonlyMap<DemoClientKey, DemoSecrets>;
  close(): Promise<void>;
}

const hex = (bytes: number): string => randomBytes(bytes).toString('hex');

function issueSecrets(): DemoSecrets {
  return {
    brazeApiKey: randomUUID(),
    awsAccessKeyId: `AKIA${hex(8).toUpperCase()}`,
    awsSecretAccessKey: randomBytes(30).toString('base64url'),
    connectToken: `jqx_demo_${hex(16)}`,
    // A private ODP key is `<tracker id>.<secret>`; no region suffix means US.
    odpApiKey: `${hex(3)}.${randomBytes(24).toString('base64url')}`,
  };
}

export async function startSandbox(
  scenarios: readonly ClientScenario[],
  /** Braze, ODP and S3 answer after this many ms (the benchmark's 150 ms per request); default 40. */
  options: { latencyMs?: number } = {},
): Promise<Sandbox> {
  // A real workspace answers in tens of milliseconds, so progress is visible.
  const latencyMs = options.latencyMs ?? 40;
  const started = scenarios.filter((s) => s.brazePermissions !== null);
  const secrets = new Map(started.map((s) => [s.key, issueSecrets()]));
  const odpCurrentsToken = randomBytes(24).toString('base64url');
  const opened: { close(): Promise<void> }[] = [];
  const seedDir = await mkdtemp(join(tmpdir(), 'partner-setup-demo-currents-'));
  try {
    const braze = await startBrazeFake({
      instances: [brazeInstance],
      keys: Object.fromEntries(
        started.map((s) => [
          secrets.get(s.key)?.brazeApiKey ?? '',
          { permissions: s.brazePermissions ?? [] },
        ]),
      ),
      names: brazeWorkspace,
      latencyMs,
    });
    opened.push(braze);
    const odp = await startOdpFake({
      keys: started.map((s) => ({
        key: secrets.get(s.key)?.odpApiKey ?? '',
        region: 'us',
        kind: 'private',
      })),
      fields: [...odpCustomerFields],
      currentsToken: odpCurrentsToken,
      latencyMs,
    });
    opened.push(odp);
    for (const scenario of scenarios) {
      if (!scenario.currents) continue;
      await writeCurrentsLayout(seedDir, {
        folder: scenario.currents.folder,
        batches: currentsBatches(scenario.currents),
      });
    }
    const s3 = await startS3TestBed({
      latencyMs,
      buckets: [{ name: jacquardBucket, seedDir }],
      // Each client's Jacquard keys may do everything in the bucket that Currents needs.
      keys: [...secrets.values()].map((s) => ({
        accessKeyId: s.awsAccessKeyId,
        secretAccessKey: s.awsSecretAccessKey,
        buckets: [jacquardBucket],
      })),
    });
    opened.push(s3);
    return {
      braze,
      odp,
      s3,
      odpCurrentsToken,
      secrets,
      close: async () => {
        await Promise.allSettled(opened.map((service) => service.close()));
      },
    };
  } catch (error) {
    await Promise.allSettled(opened.map((service) => service.close()));
    throw error;
  } finally {
    // The test bed copies the files into s3rver's own store before it answers.
    await rm(seedDir, { recursive: true, force: true });
  }
}
