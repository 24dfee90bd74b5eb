import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { startBrazeFake, type BrazeFake } from '../support/braze-fake.ts';
import { runCliIsolated } from '../support/cli-process.ts';
import { shiftClock } from '../support/pinned-clock.ts';
import { writeCurrentsLayout } from '../support/currents-layout.ts';
import {
  CURRENTS_BUCKET as BUCKET,
  click,
  writeCurrentsScenarios,
  type CurrentsScenario,
} from '../support/currents-scenarios.ts';
import {
  startS3TestBed,
  type S3Action,
  type S3TestBed,
  type TestKey,
} from '../support/s3-gateway.ts';

// `partner-setup check --only jacquard --json --client-file …` as a CSM would run it, against the
// S3 test bed: exit codes, the JSON document, no secret in the output.

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

const env = {
  JACQUARD_AWS_ACCESS_KEY_ID: creds.accessKeyId,
  JACQUARD_AWS_SECRET_ACCESS_KEY: creds.secretAccessKey,
  JACQUARD_CONNECT_TOKEN: TOKEN,
};

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
  // The Jacquard guide starts from the client's Braze key: a client set up well has one.
  const brazeKey = 'jacquard-cli-braze-key-0123456789ab';
  let braze: BrazeFake;

  before(async () => {
    braze = await startBrazeFake({ keys: { [brazeKey]: {} } });
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
    await braze.close();
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
        braze: { instance: 'custom', restEndpoint: braze.url },
        jacquard: { s3Folder: folder, s3Endpoint: bed.endpoint, snippets },
      }),
    );
    return path;
  };

  void test('a well set-up client: every Jacquard check reported, exit 0, no secret printed', async () => {
    const file = await clientFile('acme-retail');
    const withKey = { ...env, BRAZE_API_KEY: brazeKey };
    const out = await runCliIsolated(
      ['check', '--only', 'jacquard', '--json', '--allow-insecure-loopback', '--client-file', file],
      withKey,
    );
    assert.equal(out.code, 0, out.stderr + out.stdout);
    assert.equal((JSON.parse(out.stdout) as { verdict: string }).verdict, 'verified');
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
    for (const secret of Object.values(withKey)) {
      assert.ok(!(out.stdout + out.stderr).includes(secret));
    }
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

/** A token of the right shape that is not the one stored for the client. */
const OTHER_TOKEN = 'jqx_live_00000000000000000000';
const [ccCall, ccUse, ccPixel] = snippets.split('\n') as [string, string, string];
const brokenSnippets = {
  port: snippets.replace('x.jacquard.example/', 'x.jacquard.example:8080/'),
  otherToken: snippets.replace(TOKEN, OTHER_TOKEN),
  noPixel: [ccCall, ccUse].join('\n'),
  unclosed: [ccCall, '{{ jacquard.subject_line ', ccPixel].join('\n'),
  /** The call alone, over plain http and without :save: the subject line can never render. */
  httpNoSaveNoPixel: ccCall.replace('https://', 'http://').replace(' :save jacquard', ''),
};

const KMS_BUCKET = 'kms-currents-exports';
const EU_BUCKET = 'jacquard-eu-exports';
/** Holds only Braze's default folder `currents`, as when the Current's folder field was left empty. */
const DEFAULTED_BUCKET = 'defaulted-exports';

const testKey = (id: string, extra: Partial<TestKey> = {}): TestKey => ({
  accessKeyId: `AKIACLI${id.toUpperCase().padEnd(13, '0')}`,
  secretAccessKey: `cli-${id}-secret-000000000000000000`,
  ...extra,
});
const readerActions: S3Action[] = [
  's3:ListBucket',
  's3:GetBucketLocation',
  's3:GetEncryptionConfiguration',
];
const keys = {
  noRead: testKey('noread', { actions: [...readerActions, 's3:PutObject'] }),
  noList: testKey('nolist', {
    actions: ['s3:GetBucketLocation', 's3:GetObject', 's3:PutObject'],
  }),
  noDelete: testKey('nodelete', {
    actions: [...readerActions, 's3:GetObject', 's3:PutObject'],
  }),
  // Reads only what Braze delivered to `fresh`, not the test file written next to it.
  readsExportsOnly: testKey('exportsonly', {
    objectPrefixes: { 's3:GetObject': ['fresh/dataexport.'] },
  }),
  temporary: {
    accessKeyId: 'ASIACLITEMPORARY0001',
    secretAccessKey: 'cli-temporary-secret-0000000000',
    sessionToken: 'a-session-token-braze-never-sends',
  },
  expired: testKey('expired', { refusal: 'ExpiredToken' }),
  badToken: testKey('badtoken', { refusal: 'InvalidToken' }),
};
const keyEnv = (k: TestKey) => ({
  JACQUARD_AWS_ACCESS_KEY_ID: k.accessKeyId,
  JACQUARD_AWS_SECRET_ACCESS_KEY: k.secretAccessKey,
});

/** Test beds besides the main one, each for what only a whole server can be: its clock. */
type SideBed = 'skewedClock' | 'hiddenClock';

interface CliCase {
  name: string;
  /** The scenario written to the bucket; also the folder recorded, unless `recordedFolder` says otherwise. */
  folder: CurrentsScenario;
  recordedFolder?: string;
  bucket?: string;
  bed?: SideBed;
  snippets?: string;
  env?: Record<string, string>;
  optIns?: string[];
  /** Check id → expected status and English message; checks not named are not asserted. */
  expect: Record<string, readonly [status: string, message?: RegExp]>;
}

const skippedAudit = {
  'currents.delivery': ['skipped'],
  'currents.event_types': ['skipped'],
  'currents.pii': ['skipped'],
  'currents.anonymous': ['skipped'],
} as const;

const cliCases: CliCase[] = [
  {
    name: 'fresh, with deflate and snappy files: redacted addresses and anonymous users',
    folder: 'fresh',
    expect: {
      'currents.delivery': ['pass', /^Email Click events are arriving: .* \(0 h ago\)\.$/],
      'currents.event_types': ['pass', /^Only Email Click events are exported/],
      'currents.pii': ['pass', /^Email addresses are removed \(\[REDACTED\]\) in all 260 sampled/],
      'currents.anonymous': ['pass', /^Events from anonymous users are included \(\d+ of 260 /],
    },
  },
  {
    name: 'stale, with a snippet calling port 8080',
    folder: 'stale',
    snippets: brokenSnippets.port,
    expect: {
      'currents.delivery': ['warn', /from hour \S+ UTC, 59 hours ago \(more than 24\)/],
      'jacquard.snippets': ['fail', /^Line 1: port 8080 is not allowed; Braze only calls ports 80/],
    },
  },
  {
    name: 'mixed types, with another token in the snippet',
    folder: 'mixed',
    snippets: brokenSnippets.otherToken,
    expect: {
      'currents.event_types': [
        'warn',
        /^Besides Email Click, the Current exports 4 other type\(s\) .*users\.messages\.email\.Send \(4\)/,
      ],
      'jacquard.snippets': [
        'fail',
        /^The token in the snippets differs from the connect token stored for this client\.$/,
      ],
    },
  },
  {
    name: 'hashed addresses, with an unclosed output in the snippet',
    folder: 'hashedEmails',
    snippets: brokenSnippets.unclosed,
    expect: {
      'currents.pii': ['pass', /^Email addresses are hashed \(SHA-256\) in all 120 sampled events/],
      'jacquard.snippets': ['fail', /^Liquid syntax error on line 2, column \d+: /],
    },
  },
  {
    name: 'real addresses',
    folder: 'realEmails',
    expect: {
      'currents.pii': ['fail', /^120 of 120 sampled events contain a real email address/],
    },
  },
  {
    name: 'no anonymous users, with no tracking pixel in the snippet',
    folder: 'noAnonymous',
    snippets: brokenSnippets.noPixel,
    expect: {
      'currents.anonymous': ['warn', /^None of 240 sampled events comes from an anonymous user/],
      'jacquard.snippets': ['fail', /^No tracking pixel \(a 1×1 image\) was found/],
    },
  },
  {
    name: 'a snippet over plain http with no :save and no pixel: failed, headed by the :save',
    folder: 'fresh',
    snippets: brokenSnippets.httpNoSaveNoPixel,
    expect: {
      'jacquard.snippets': [
        'fail',
        /^Line 1: the response is neither saved with :save nor read from Braze's default variable/,
      ],
    },
  },
  {
    name: 'many events per file',
    folder: 'manyEventsPerFile',
    expect: {
      'currents.delivery': ['pass', /^Email Click events are arriving/],
      'currents.pii': ['pass', /in all 6000 sampled events/],
      'currents.anonymous': ['pass', /\(1200 of 6000 sampled events\)/],
    },
  },
  {
    name: 'thousands of small files',
    folder: 'manyFiles',
    expect: {
      'currents.delivery': ['pass', /^Email Click events are arriving/],
      // The sample reads the 24 newest files of 2 events each.
      'currents.pii': ['pass', /in all 48 sampled events/],
    },
  },
  {
    name: 'a folder with spaces',
    folder: 'acme retail',
    expect: { 's3.folder': ['warn', /"acme retail".* contains spaces/] },
  },
  {
    name: 'a misspelt bucket',
    folder: 'fresh',
    bucket: 'frasee-braze-currents-exports',
    expect: {
      's3.bucket': [
        'fail',
        /^There is no bucket called frasee-braze-currents-exports\. Did you mean phrasee-braze-currents-exports\?/,
      ],
      ...skippedAudit,
    },
  },
  {
    name: 'a wrong secret key',
    folder: 'fresh',
    env: { JACQUARD_AWS_SECRET_ACCESS_KEY: 'cli-secret-wrong-00000000000000' },
    expect: {
      's3.credentials': [
        'fail',
        /^The access key ID is known but the secret access key does not match/,
      ],
      ...skippedAudit,
    },
  },
  {
    name: 'a bucket encrypting with SSE-KMS',
    folder: 'fresh',
    bucket: KMS_BUCKET,
    expect: {
      's3.permissions': ['fail', /^Bucket kms-currents-exports encrypts with SSE-KMS by default/],
    },
  },
  {
    name: 'an unknown access key id',
    folder: 'fresh',
    env: { JACQUARD_AWS_ACCESS_KEY_ID: 'AKIACLINOSUCHKEY0000' },
    expect: {
      's3.credentials': ['fail', /^AWS does not know this access key ID\./],
      ...skippedAudit,
    },
  },
  {
    name: 'a temporary (ASIA) key',
    folder: 'fresh',
    env: keyEnv(keys.temporary),
    expect: {
      's3.credentials': ['fail', /^This is a temporary access key \(it starts with ASIA\)/],
      ...skippedAudit,
    },
  },
  {
    name: 'keys whose session has expired',
    folder: 'fresh',
    env: keyEnv(keys.expired),
    expect: {
      's3.credentials': ['fail', /^S3 says these keys have expired \(ExpiredToken\)/],
      ...skippedAudit,
    },
  },
  {
    name: 'keys with a session token S3 does not accept',
    folder: 'fresh',
    env: keyEnv(keys.badToken),
    expect: {
      's3.credentials': [
        'fail',
        /^S3 does not accept the session token of these keys \(InvalidToken\)/,
      ],
      ...skippedAudit,
    },
  },
  {
    name: 'a clock 40 minutes off that the SDK could correct',
    folder: 'fresh',
    bed: 'skewedClock',
    expect: {
      's3.credentials': ['warn', /^The keys work, but this computer's clock differs .* 40 minutes/],
    },
  },
  {
    name: 'a clock 40 minutes off that S3 refuses, with no server time to correct it from',
    folder: 'fresh',
    bed: 'hiddenClock',
    expect: {
      's3.credentials': ['fail', /^S3 refused the request because this computer's clock differs/],
      ...skippedAudit,
    },
  },
  {
    name: 'a bucket in another region',
    folder: 'fresh',
    bucket: EU_BUCKET,
    expect: {
      's3.bucket': ['pass', /^Bucket jacquard-eu-exports exists \(region eu-west-2\)\.$/],
      's3.permissions': ['pass'],
      'currents.delivery': ['pass', /^Email Click events are arriving/],
    },
  },
  {
    // Delivery and event types read only listings; the PII and anonymous checks need the files.
    name: 'keys that may list but not read objects',
    folder: 'fresh',
    env: keyEnv(keys.noRead),
    expect: {
      's3.permissions': ['fail', /missing these permissions Braze needs: s3:GetObject\. /],
      's3.folder': ['pass'],
      'currents.delivery': ['pass', /^Email Click events are arriving: .* \(0 h ago\)\.$/],
      'currents.event_types': ['pass', /^Only Email Click events are exported/],
      'currents.pii': ['inconclusive', /may not read the files .*: s3:GetObject is missing/],
      'currents.anonymous': ['inconclusive', /may not read the files .*: s3:GetObject is missing/],
    },
  },
  {
    name: 'keys that may not list the bucket',
    folder: 'fresh',
    env: keyEnv(keys.noList),
    expect: {
      's3.permissions': [
        'fail',
        /needs: s3:ListBucket\. Without listing, reading \(s3:GetObject\) could not be tested/,
      ],
      's3.folder': ['inconclusive', /^The folder cannot be checked because the keys may not list/],
      'currents.delivery': ['fail', /^The keys may not list folder fresh,/],
    },
  },
  {
    name: 'writing tested on request: written, read back and removed',
    folder: 'fresh',
    optIns: ['s3.write'],
    expect: {
      's3.permissions': ['pass', /a test file was written, read back and removed\.$/],
    },
  },
  {
    name: 'writing tested on request: the test file cannot be deleted',
    folder: 'fresh',
    env: keyEnv(keys.noDelete),
    optIns: ['s3.write'],
    expect: {
      's3.permissions': [
        'warn',
        /^The test file fresh\/partner-setup-check\/\S+ was written and read back, but could not be deleted/,
      ],
    },
  },
  {
    name: 'writing tested on request: the test file cannot be read back',
    folder: 'fresh',
    env: keyEnv(keys.readsExportsOnly),
    optIns: ['s3.write'],
    expect: {
      's3.permissions': [
        'fail',
        /^The test file fresh\/partner-setup-check\/\S+ was written but could not be read back/,
      ],
    },
  },
  {
    name: 'a folder recorded in other capitals',
    folder: 'fresh',
    recordedFolder: 'Fresh',
    expect: {
      's3.folder': [
        'warn',
        /has a folder whose name differs from "Fresh" only in capital letters\. .*case-sensitive/,
      ],
    },
  },
  {
    name: 'a folder Braze has not written to yet',
    folder: 'fresh',
    recordedFolder: 'not-launched',
    expect: {
      's3.folder': ['warn', /^There is no folder not-launched yet, nor one with a similar name/],
      'currents.delivery': [
        'warn',
        /^Nothing has arrived in folder not-launched yet\. .*"Send Test Events"/,
      ],
      'currents.event_types': ['inconclusive', /^No events have arrived yet/],
    },
  },
  {
    name: "files in Braze's default folder",
    folder: 'fresh',
    bucket: DEFAULTED_BUCKET,
    recordedFolder: 'globex',
    expect: {
      's3.folder': [
        'warn',
        /^Files are arriving in Braze's default folder "currents", not in "globex"/,
      ],
    },
  },
  {
    name: 'other event types but no Email Click',
    folder: 'onlyOthers',
    expect: {
      'currents.delivery': [
        'warn',
        /^Folder onlyOthers holds 1 event type\(s\), but no Email Click/,
      ],
      'currents.event_types': [
        'warn',
        /^The Current exports 1 type\(s\) but not Email Click: users\.messages\.email\.Send \(2\)/,
      ],
    },
  },
  {
    name: 'a file cut short',
    folder: 'cutShort',
    expect: {
      'currents.delivery': [
        'warn',
        /but 1 of 3 sampled files could not be read\. The audit refused cutShort\/\S+\.avro: It declares 11 bytes where only 6 bytes of the file remain/,
      ],
    },
  },
  {
    name: 'an hour holding more files of one type than are counted',
    folder: 'busyHour',
    expect: {
      'currents.delivery': ['pass', /hold more than 100 files of one type/],
      'currents.event_types': ['warn', /users\.messages\.email\.Send \(100\+\)/],
    },
  },
  {
    name: 'hashed and redacted addresses side by side, with a connect token holding a space',
    folder: 'hashedAndRedacted',
    env: { JACQUARD_CONNECT_TOKEN: 'jqx_live 5b1e2c3d4e5f60718293' },
    expect: {
      'currents.pii': ['pass', /^Email addresses are removed or hashed in all 120 sampled events/],
      'jacquard.token': ['fail', /^The connect token contains spaces or line breaks/],
    },
  },
  {
    name: 'no email address in the events, with a connect token cut short',
    folder: 'noAddresses',
    env: { JACQUARD_CONNECT_TOKEN: 'jqx_live_5b1e' },
    expect: {
      'currents.pii': ['pass', /^None of the 80 sampled events contains an email address/],
      'jacquard.token': ['fail', /^The connect token has only 13 characters \(at least 16/],
    },
  },
  {
    name: 'too few events to judge anonymous users, with a connect token in quotes',
    folder: 'tinySample',
    env: { JACQUARD_CONNECT_TOKEN: `"${TOKEN}"` },
    expect: {
      'currents.anonymous': ['inconclusive', /^Only 10 events could be sampled, none anonymous/],
      'jacquard.token': ['fail', /^The connect token contains quotes, braces or angle brackets/],
    },
  },
];

void describe('partner-setup check --only jacquard, outcome by outcome', () => {
  /**
   * The clock of the CLI and of the S3 test beds, pinned: the layouts' hours are counted back from
   * it, so an hour that ends while the cases run cannot turn "59 hours ago" into 60.
   */
  const startsAt = new Date('2026-12-07T23:05:00Z');
  const clock = shiftClock({ startsAt, timeZone: 'UTC' });
  let bed: S3TestBed;
  const sideBeds = {} as Record<SideBed, S3TestBed>;
  let dir: string;
  const runs = new Map<string, { code: number | null; checks: Map<string, CheckJson> }>();

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'jacquard-cli-cases-'));
    const seed = join(dir, 'seed');
    const freshSeed = join(dir, 'fresh-seed');
    const defaultedSeed = join(dir, 'defaulted-seed');
    const now = startsAt.getTime();
    await writeCurrentsScenarios(seed, [...new Set(cliCases.map((c) => c.folder))], now);
    await writeCurrentsScenarios(freshSeed, ['fresh'], now);
    await writeCurrentsLayout(defaultedSeed, { folder: 'currents', batches: [click()], now });
    bed = await startS3TestBed({
      buckets: [
        { name: BUCKET, seedDir: seed },
        { name: KMS_BUCKET, seedDir: freshSeed, encryption: 'aws:kms' },
        { name: EU_BUCKET, seedDir: freshSeed, region: 'eu-west-2' },
        { name: DEFAULTED_BUCKET, seedDir: defaultedSeed },
      ],
      keys: [creds, ...Object.values(keys)],
      clockOffsetMs: clock.offsetMs,
    });
    const clockAhead = {
      buckets: [{ name: BUCKET }],
      keys: [creds],
      clockOffsetMs: clock.offsetMs + 40 * 60_000,
    };
    sideBeds.skewedClock = await startS3TestBed(clockAhead);
    sideBeds.hiddenClock = await startS3TestBed({ ...clockAhead, hideServerClock: true });
    // Two CLI processes at a time: each is a whole Node process, and the machine is shared.
    const queue = [...cliCases];
    const worker = async () => {
      for (let c = queue.shift(); c; c = queue.shift()) {
        const file = join(dir, `case-${cliCases.indexOf(c)}.json`);
        await writeFile(
          file,
          JSON.stringify({
            version: 1,
            name: c.name.slice(0, 60),
            integrations: ['jacquard'],
            jacquard: {
              s3Folder: c.recordedFolder ?? c.folder,
              s3Endpoint: (c.bed ? sideBeds[c.bed] : bed).endpoint,
              snippets: c.snippets ?? snippets,
              ...(c.bucket ? { s3Bucket: c.bucket } : {}),
            },
          }),
        );
        const out = await runCliIsolated(
          [
            'check',
            '--only',
            'jacquard',
            '--json',
            '--allow-insecure-loopback',
            ...(c.optIns ?? []).flatMap((o) => ['--opt-in', o]),
            '--client-file',
            file,
          ],
          { ...env, ...c.env, ...clock.env },
        );
        const report = JSON.parse(out.stdout) as { checks: CheckJson[] };
        runs.set(c.name, { code: out.code, checks: new Map(report.checks.map((r) => [r.id, r])) });
      }
    };
    await Promise.all([worker(), worker()]);
  });
  after(async () => {
    await Promise.all([bed, ...Object.values(sideBeds)].map((b) => b.close()));
    await rm(dir, { recursive: true, force: true });
  });

  for (const c of cliCases) {
    void test(c.name, () => {
      const run = runs.get(c.name);
      assert.ok(run, 'the CLI ran');
      for (const [id, [status, message]] of Object.entries(c.expect)) {
        const check = run.checks.get(id);
        assert.ok(check, id);
        assert.equal(check.status, status, `${id}: ${check.message}`);
        if (message) assert.match(check.message, message, id);
        for (const secret of Object.values({ ...env, ...c.env }))
          assert.ok(!check.message.includes(secret));
      }
      // Exit status = verdict: 1 a check failed, 0 every check passed or warned, else 3.
      const statuses = [...run.checks.values()].map((r) => r.status);
      const verified = statuses.every((s) => s === 'pass' || s === 'warn');
      assert.equal(run.code, statuses.includes('fail') ? 1 : verified ? 0 : 3);
    });
  }
});
