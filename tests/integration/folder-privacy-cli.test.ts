import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { computeChecksum } from '../../shared/bundle/checksum.ts';
import { bundleFromClient } from '../../shared/bundle/convert.ts';
import type { CheckResult } from '../../shared/types/checks.ts';
import type { Client } from '../../shared/types/client.ts';
import { ClientStore } from '../../main/store/client-store.ts';
import { storeFileName } from '../../main/store/paths.ts';
import { runCliIsolated } from '../support/cli-process.ts';
import { writeCurrentsLayout } from '../support/currents-layout.ts';
import { CURRENTS_BUCKET as BUCKET, click } from '../support/currents-scenarios.ts';
import { testKeyring } from '../support/saved-client.ts';
import { startS3TestBed, type S3TestBed } from '../support/s3-gateway.ts';
import { tempDir } from '../support/temp-dir.ts';

// Jacquard's bucket holds one folder per Jacquard customer. A client's results, reports and
// bundles never name another customer's folder; a near miss of the client's own folder is shown in
// the app only.

/** Other Jacquard customers' folders, beside the client's own `hooli-mail`. */
const OTHERS = ['acme-foods', 'globex-corp'];
const OWN = 'hooli-mail';

const creds = {
  accessKeyId: 'AKIAFOLDERPRIVACY001',
  secretAccessKey: 'folder-privacy-secret-000000000',
};
const env = {
  JACQUARD_AWS_ACCESS_KEY_ID: creds.accessKeyId,
  JACQUARD_AWS_SECRET_ACCESS_KEY: creds.secretAccessKey,
};

interface CheckJson {
  id: string;
  status: string;
  message: string;
  details: unknown;
}

/** Every other customer's folder named in `text`, and the client's own when `nearMiss`. */
const leaked = (text: string, nearMiss: boolean) =>
  [...OTHERS, ...(nearMiss ? [OWN] : [])].filter((name) => text.includes(name));

void describe('no other client’s folder name leaves the app', () => {
  let bed: S3TestBed;
  let dir: string;

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'folder-privacy-'));
    const seed = join(dir, 'seed');
    for (const folder of [...OTHERS, OWN]) {
      await writeCurrentsLayout(seed, { folder, batches: [click({ files: 1 })] });
    }
    bed = await startS3TestBed({ buckets: [{ name: BUCKET, seedDir: seed }], keys: [creds] });
  });
  after(async () => {
    await bed.close();
    await rm(dir, { recursive: true, force: true });
  });

  const jacquardInputs = (folder: string) => ({
    s3Bucket: BUCKET,
    s3Folder: folder,
    s3Endpoint: bed.endpoint,
  });

  const checkFile = async (folder: string) => {
    const path = join(dir, `${folder}.json`);
    await writeFile(
      path,
      JSON.stringify({
        version: 2,
        name: 'Hooli',
        integrations: ['jacquard'],
        jacquard: jacquardInputs(folder),
      }),
    );
    const out = await runCliIsolated(
      ['check', '--only', 'jacquard', '--json', '--allow-insecure-loopback', '--client-file', path],
      env,
    );
    const checks = (JSON.parse(out.stdout) as { checks: CheckJson[] }).checks;
    return { out, folder: checks.find((c) => c.id === 's3.folder') };
  };

  const cases: Array<[recorded: string, status: string, message: RegExp, nearMiss: boolean]> = [
    [OWN, 'pass', /^Folder hooli-mail exists in the bucket\.$/, false],
    ['umbrella', 'warn', /^There is no folder umbrella yet, nor one with a similar name/, false],
    ['Hooli-Mail', 'warn', /differs from "Hooli-Mail" only in capital letters/, true],
    [
      'hooli-mial',
      'warn',
      /^There is no folder hooli-mial, but the bucket has one with a close/,
      true,
    ],
  ];
  for (const [recorded, status, message, nearMiss] of cases) {
    void test(`check --json, folder "${recorded}": ${status}, no other folder named`, async () => {
      const { out, folder } = await checkFile(recorded);
      assert.deepEqual(leaked(out.stdout + out.stderr, nearMiss), []);
      assert.equal(folder?.status, status, JSON.stringify(folder));
      assert.match(folder.message, message);
    });
  }

  void test('a saved client: its stored result keeps the near miss for the app; exports leave it out', async (t) => {
    const home = await tempDir(t);
    const store = await ClientStore.open(home);
    const client = await store.create({ name: 'Hooli', integrations: ['jacquard'] });
    await store.update(client.id, (c) => {
      for (const [key, value] of Object.entries(jacquardInputs('hooli-mial')))
        c.inputs[`jacquard.${key}`] = value;
    });
    const keychain = testKeyring();
    await keychain.set(client.id, 'jacquard.awsAccessKeyId', creds.accessKeyId);
    await keychain.set(client.id, 'jacquard.awsSecretAccessKey', creds.secretAccessKey);
    t.after(async () => {
      await keychain.delete(client.id, 'jacquard.awsAccessKeyId');
      await keychain.delete(client.id, 'jacquard.awsSecretAccessKey');
    });
    const cliEnv = {
      PARTNER_SETUP_HOME: home,
      DBUS_SESSION_BUS_ADDRESS: process.env.DBUS_SESSION_BUS_ADDRESS ?? '',
    };
    const run = (args: string[]) => runCliIsolated(args, cliEnv);

    const checked = await run([
      'check',
      '--client',
      'Hooli',
      '--only',
      'jacquard',
      '--json',
      '--allow-insecure-loopback',
    ]);
    assert.deepEqual(leaked(checked.stdout + checked.stderr, true), [], checked.stdout);
    // The app shows the near miss from the stored result.
    const stored = JSON.parse(await readFile(join(home, storeFileName), 'utf8')) as unknown;
    assert.match(JSON.stringify(stored), /hooli-mail/, 'the store keeps the near miss');
    for (const format of ['json', 'md', 'html']) {
      const exported = await run(['export', '--client', 'Hooli', '--format', format, '--out', '-']);
      assert.equal(exported.code, 0, exported.stderr);
      assert.match(exported.stdout, /hooli-mial/, `${format}: the report has the folder check`);
      assert.deepEqual(leaked(exported.stdout, true), [], format);
    }
  });

  void test('a bundle from an older version, listing other folders, is imported and exported without them', async (t) => {
    const home = await tempDir(t);
    const now = new Date().toISOString();
    const source: Client = {
      id: '6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b',
      name: 'Hooli (old bundle)',
      integrations: ['jacquard'],
      createdAt: now,
      updatedAt: now,
      inputs: { 'jacquard.s3Folder': 'umbrella' },
      confirmations: {},
      secrets: {},
      checkResults: {},
      artifacts: {},
    };
    // What versions before this fix stored: every folder of the bucket root, named.
    const oldResults: Record<string, CheckResult> = {
      's3.folder': {
        id: 's3.folder',
        status: 'warn',
        messageKey: 'checks-jacquard:s3.folder.notFound',
        params: { folder: 'umbrella', others: OTHERS.join(', ') },
        details: { folder: 'umbrella', existing: [...OTHERS, OWN], spaces: false },
        durationMs: 40,
        at: now,
      },
    };
    // The checksum is computed without the one the document holds.
    const document = { ...(await bundleFromClient(source)), checkResults: oldResults };
    const file = join(home, 'old.json');
    await writeFile(
      file,
      JSON.stringify({ ...document, checksum: await computeChecksum(document) }),
    );
    const cliEnv = { PARTNER_SETUP_HOME: home };
    const imported = await runCliIsolated(['import', file], cliEnv);
    assert.equal(imported.code, 0, imported.stderr);
    for (const format of ['json', 'md']) {
      const exported = await runCliIsolated(
        ['export', '--client', source.name, '--format', format, '--out', '-'],
        cliEnv,
      );
      assert.equal(exported.code, 0, exported.stderr);
      assert.match(exported.stdout, /umbrella/, `${format}: the folder result is there`);
      assert.deepEqual(leaked(exported.stdout, true), [], format);
    }
  });
});
