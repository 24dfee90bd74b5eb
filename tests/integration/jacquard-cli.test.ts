import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { runCliIsolated } from '../support/cli-process.ts';
import { writeCurrentsLayout } from '../support/currents-layout.ts';
import { startS3TestBed, type S3TestBed } from '../support/s3-gateway.ts';

// `partner-setup check --only jacquard --json --client-file …` as a CSM would run it, against the
// S3 test bed: exit codes, the JSON document, no secret in the output.

const BUCKET = 'phrasee-braze-currents-exports';
const creds = {
  accessKeyId: 'AKIACLICHECKS0000001',
  secretAccessKey: 'cli-secret-0000000000000000000',
};
const TOKEN = 'jqx_live_5b1e2c3d4e5f60718293';
const snippets = [
  `{% connected_content https://x.jacquard.example/v2/braze/subject?token=${TOKEN}&u={{\${user_id} | url_param_escape}} :method get :save jacquard %}`,
  '{{ jacquard.subject_line | default: "Picked for you" }}',
  '<img src="https://x.jacquard.example/v2/open.gif" width="1" height="1" alt="" />',
].join('\n');

interface CheckJson {
  id: string;
  status: string;
  message: string;
  details?: unknown;
  durationMs: number;
}

void describe('partner-setup check --only jacquard', () => {
  let bed: S3TestBed;
  let dir: string;

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'jacquard-cli-'));
    const seed = join(dir, 'seed');
    await writeCurrentsLayout(seed, {
      folder: 'acme-retail',
      batches: [{ type: 'users.messages.email.Click', hoursAgo: 0, files: 4, eventsPerFile: 80 }],
    });
    await writeCurrentsLayout(seed, {
      folder: 'leaky',
      batches: [
        {
          type: 'users.messages.email.Click',
          hoursAgo: 0,
          files: 1,
          eventsPerFile: 10,
          email: 'real',
        },
      ],
    });
    bed = await startS3TestBed({ buckets: [{ name: BUCKET, seedDir: seed }], keys: [creds] });
  });
  after(async () => {
    await bed.close();
    await rm(dir, { recursive: true, force: true });
  });

  const clientFile = async (folder: string) => {
    const path = join(dir, `${folder}.json`);
    await writeFile(
      path,
      JSON.stringify({
        version: 1,
        name: `Client ${folder}`,
        integrations: ['jacquard'],
        jacquard: { s3Folder: folder, s3Endpoint: bed.endpoint, snippets },
      }),
    );
    return path;
  };
  const env = {
    JACQUARD_AWS_ACCESS_KEY_ID: creds.accessKeyId,
    JACQUARD_AWS_SECRET_ACCESS_KEY: creds.secretAccessKey,
    JACQUARD_CONNECT_TOKEN: TOKEN,
  };

  void test('a well set-up client: every Jacquard check reported, exit 0, no secret printed', async () => {
    const file = await clientFile('acme-retail');
    const out = await runCliIsolated(
      ['check', '--only', 'jacquard', '--json', '--allow-insecure-loopback', '--client-file', file],
      env,
    );
    assert.equal(out.code, 0, out.stderr + out.stdout);
    const report = JSON.parse(out.stdout) as { checks: CheckJson[] };
    const byId = new Map(report.checks.map((c) => [c.id, c]));
    for (const id of [
      'jacquard.token',
      's3.credentials',
      's3.bucket',
      's3.permissions',
      's3.folder',
    ]) {
      assert.equal(byId.get(id)?.status, 'pass', `${id}: ${byId.get(id)?.message}`);
    }
    assert.equal(byId.get('currents.delivery')?.status, 'pass');
    assert.equal(byId.get('currents.pii')?.status, 'pass');
    assert.equal(byId.get('jacquard.snippets')?.status, 'pass');
    assert.match(byId.get('currents.delivery')?.message ?? '', /Email Click events are arriving/);
    for (const secret of Object.values(env)) assert.ok(!(out.stdout + out.stderr).includes(secret));
  });

  void test('real email addresses in the Current: exit 1 with the PII failure explained', async () => {
    const file = await clientFile('leaky');
    const out = await runCliIsolated(
      ['check', '--only', 'jacquard', '--json', '--allow-insecure-loopback', '--client-file', file],
      env,
    );
    assert.equal(out.code, 1);
    const pii = (JSON.parse(out.stdout) as { checks: CheckJson[] }).checks.find(
      (c) => c.id === 'currents.pii',
    );
    assert.equal(pii?.status, 'fail');
    assert.match(pii?.message ?? '', /10 of 10 sampled events contain a real email address/);
    assert.ok(!out.stdout.includes('@example.com'));
  });

  void test('without --allow-insecure-loopback the http test endpoint is refused', async () => {
    const file = await clientFile('acme-retail');
    const out = await runCliIsolated(
      ['check', '--only', 'jacquard', '--json', '--client-file', file],
      env,
    );
    assert.equal(out.code, 1);
    const creds = (JSON.parse(out.stdout) as { checks: CheckJson[] }).checks.find(
      (c) => c.id === 's3.credentials',
    );
    assert.equal(creds?.status, 'fail');
  });
});
