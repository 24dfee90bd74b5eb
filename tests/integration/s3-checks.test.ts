import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { createI18n } from '../../shared/i18n/index.ts';
import { writeCurrentsLayout } from '../support/currents-layout.ts';
import { runJacquardChecks } from '../support/jacquard-run.ts';
import { startS3TestBed, type S3TestBed, type TestKey } from '../support/s3-gateway.ts';

// Every S3 check outcome, through the engine, against real s3rver behind the SigV4/IAM gateway.

const BUCKET = 'phrasee-braze-currents-exports';
const FOLDER = 'acme-retail';

const key = (id: string, extra: Partial<TestKey> = {}): TestKey => ({
  accessKeyId: `AKIA${id.toUpperCase().padEnd(16, '0')}`,
  secretAccessKey: `${id}-secret-0123456789abcdef0123`,
  ...extra,
});
const readerActions = [
  's3:ListBucket',
  's3:GetBucketLocation',
  's3:GetObject',
  's3:GetEncryptionConfiguration',
] as const;
/** Exactly the four permissions Braze documents for Currents, nothing else. */
const brazeActions = [
  's3:ListBucket',
  's3:GetBucketLocation',
  's3:PutObject',
  's3:GetObject',
] as const;
const keys = {
  good: key('good'),
  braze: key('braze', { actions: brazeActions }),
  readOnly: key('readonly', { actions: readerActions }),
  noDelete: key('nodelete', { actions: [...readerActions, 's3:PutObject'] }),
  noList: key('nolist', { actions: ['s3:GetBucketLocation', 's3:GetObject', 's3:PutObject'] }),
  noLocation: key('noloc', { actions: ['s3:ListBucket', 's3:GetObject', 's3:PutObject'] }),
  noRead: key('noread', { actions: ['s3:ListBucket', 's3:GetBucketLocation', 's3:PutObject'] }),
  // Reads only what Braze delivered, not the test file written next to it.
  readsExportsOnly: key('exportsonly', {
    objectPrefixes: { 's3:GetObject': [`${FOLDER}/dataexport.`] },
  }),
  temporary: {
    accessKeyId: 'ASIATEMPORARYKEY0001',
    secretAccessKey: 'temporary-secret-0123456789abcdef',
    sessionToken: 'a-session-token-braze-never-sends',
  },
  elsewhere: key('elsewhere', { buckets: ['someone-elses-bucket'] }),
  expired: key('expired', { refusal: 'ExpiredToken' }),
  badToken: key('badtoken', { refusal: 'InvalidToken' }),
  disabled: key('disabled', { refusal: 'AllAccessDisabled' }),
  notSignedUp: key('notsignedup', { refusal: 'NotSignUp' }),
};

const secretsOf = (k: TestKey) => ({
  'jacquard.awsAccessKeyId': k.accessKeyId,
  'jacquard.awsSecretAccessKey': k.secretAccessKey,
});

void describe('S3 checks', () => {
  let bed: S3TestBed;
  let skewed: S3TestBed;
  let clockless: S3TestBed;
  let seedDir: string;
  let defaultFolderDir: string;
  const inputs = (extra: Record<string, string> = {}) => ({
    'jacquard.s3Endpoint': bed.endpoint,
    'jacquard.s3Folder': FOLDER,
    ...extra,
  });
  const run = (
    ids: string[],
    k: TestKey,
    extra: Record<string, string> = {},
    optIns: string[] = [],
  ) => runJacquardChecks({ ids, inputs: inputs(extra), secrets: secretsOf(k), optIns });

  before(async () => {
    seedDir = await mkdtemp(join(tmpdir(), 's3-checks-'));
    await writeCurrentsLayout(seedDir, {
      folder: FOLDER,
      batches: [{ type: 'users.messages.email.Click', hoursAgo: 1, files: 2, eventsPerFile: 5 }],
    });
    await writeCurrentsLayout(seedDir, {
      folder: 'north wind',
      batches: [{ type: 'users.messages.email.Click', hoursAgo: 3, files: 1, eventsPerFile: 3 }],
    });
    await writeCurrentsLayout(seedDir, {
      folder: 'acme/retail',
      batches: [{ type: 'users.messages.email.Click', hoursAgo: 2, files: 1, eventsPerFile: 2 }],
    });
    defaultFolderDir = await mkdtemp(join(tmpdir(), 's3-checks-default-'));
    await writeCurrentsLayout(defaultFolderDir, {
      folder: 'currents',
      batches: [{ type: 'users.messages.email.Click', hoursAgo: 2, files: 1, eventsPerFile: 2 }],
    });
    bed = await startS3TestBed({
      buckets: [
        { name: BUCKET, seedDir },
        { name: 'jacquard-eu-exports', region: 'eu-west-2' },
        { name: 'kms-exports', encryption: 'aws:kms', seedDir },
        { name: 'kms-fresh-exports', encryption: 'aws:kms' },
        { name: 'kms-untouched-exports', encryption: 'aws:kms' },
        { name: 'someone-elses-bucket' },
        { name: 'empty-exports' },
        { name: 'phrasee-braze-currents' },
        { name: 'defaulted-exports', seedDir: defaultFolderDir },
        { name: 'failing-exports', internalError: true },
      ],
      keys: Object.values(keys),
    });
    skewed = await startS3TestBed({
      buckets: [{ name: BUCKET }],
      keys: [keys.good],
      clockOffsetMs: 40 * 60 * 1000,
    });
    clockless = await startS3TestBed({
      buckets: [{ name: BUCKET }],
      keys: [keys.good],
      clockOffsetMs: 40 * 60 * 1000,
      hideServerClock: true,
    });
  });
  after(async () => {
    await Promise.all([bed.close(), skewed.close(), clockless.close()]);
    await Promise.all(
      [seedDir, defaultFolderDir].map((dir) => rm(dir, { recursive: true, force: true })),
    );
  });

  void describe('s3.credentials', () => {
    void test('working keys pass', async () => {
      const { byId } = await run(['s3.credentials'], keys.good);
      assert.equal(byId.get('s3.credentials')?.status, 'pass');
    });

    void test('an unknown access key id, a wrong secret and a malformed key id each get their own message', async () => {
      const cases: Array<[Record<string, string>, string]> = [
        [
          { ...secretsOf(keys.good), 'jacquard.awsAccessKeyId': 'AKIANOSUCHKEY0000000' },
          'unknownKey',
        ],
        [
          {
            ...secretsOf(keys.good),
            'jacquard.awsSecretAccessKey': 'wrong-secret-0000000000000000',
          },
          'wrongSecret',
        ],
        [
          { ...secretsOf(keys.good), 'jacquard.awsAccessKeyId': 'AKIA GOOD 000000000' },
          'keyIdShape',
        ],
      ];
      for (const [secrets, expected] of cases) {
        const { byId } = await runJacquardChecks({
          ids: ['s3.credentials'],
          inputs: inputs(),
          secrets,
        });
        const result = byId.get('s3.credentials');
        assert.equal(result?.status, 'fail', expected);
        assert.equal(result?.messageKey, `checks-jacquard:s3.credentials.${expected}`);
        // The secret never shows up in what is stored or printed.
        assert.ok(!JSON.stringify(result).includes(secrets['jacquard.awsSecretAccessKey']!));
      }
    });

    void test('a temporary ASIA key, which S3 does not know without its session token, is told apart', async () => {
      const before = (await bed.requests()).length;
      const result = (await run(['s3.credentials'], keys.temporary)).byId.get('s3.credentials');
      assert.equal(result?.status, 'fail');
      assert.equal(result?.messageKey, 'checks-jacquard:s3.credentials.temporaryKey');
      const sent = (await bed.requests()).slice(before);
      assert.ok(
        sent.every((r) => r.status === 403),
        JSON.stringify(sent),
      );
    });

    void test('expired or invalid session tokens and a disabled account each get their own message', async () => {
      const i18n = createI18n('en');
      const cases: Array<[TestKey, string, string, RegExp]> = [
        [keys.expired, 'expiredToken', 'ExpiredToken', /have expired \(ExpiredToken\)/],
        [keys.badToken, 'invalidToken', 'InvalidToken', /session token .* \(InvalidToken\)/],
        [keys.disabled, 'accountBlocked', 'AllAccessDisabled', /AWS account .* disabled/],
      ];
      for (const [k, expected, code, text] of cases) {
        const { byId } = await run(['s3.permissions'], k);
        const result = byId.get('s3.credentials');
        assert.ok(result);
        assert.equal(result.status, 'fail', expected);
        assert.equal(result.messageKey, `checks-jacquard:s3.credentials.${expected}`);
        assert.equal(result.params.code, code);
        assert.match(i18n.t(result.messageKey, result.params), text);
        assert.equal(byId.get('s3.permissions')?.status, 'skipped');
        assert.ok(!JSON.stringify(result).includes(k.secretAccessKey));
      }
    });

    void test('a refusal the check does not know is shown with its code, never taken as a pass', async () => {
      const result = (await run(['s3.credentials'], keys.notSignedUp)).byId.get('s3.credentials');
      assert.equal(result?.status, 'inconclusive');
      assert.equal(result?.messageKey, 'checks-jacquard:s3.credentials.unexpectedAnswer');
      assert.deepEqual(result?.params, { code: 'NotSignUp', status: 403 });
    });

    void test('S3 failing with 500 InternalError is inconclusive, not a verdict on the keys', async () => {
      const result = (
        await run(['s3.credentials'], keys.good, { 'jacquard.s3Bucket': 'failing-exports' })
      ).byId.get('s3.credentials');
      assert.equal(result?.status, 'inconclusive');
      assert.equal(result?.messageKey, 'checks-jacquard:s3.serverError');
      assert.equal(result?.params.code, 'InternalError');
    });

    void test('a clock 40 minutes off is reported though S3 refused it and the SDK then coped', async () => {
      const { byId } = await runJacquardChecks({
        ids: ['s3.credentials'],
        inputs: { 'jacquard.s3Endpoint': skewed.endpoint, 'jacquard.s3Folder': FOLDER },
        secrets: secretsOf(keys.good),
      });
      const result = byId.get('s3.credentials');
      assert.equal(result?.messageKey, 'checks-jacquard:s3.credentials.clockSkew');
      assert.equal(result?.status, 'warn');
      assert.ok(Math.abs(Number(result?.params.minutes) - 40) <= 1);
      // S3's RequestTimeTooSkewed carries its clock; the SDK signs again with it.
      const statuses = (await skewed.requests()).map((r) => r.status);
      assert.deepEqual(statuses.slice(0, 2), [403, 200]);
    });

    void test("a skewed clock S3 refuses, with no server time to correct it from, fails as the clock's fault", async () => {
      const { byId } = await runJacquardChecks({
        ids: ['s3.credentials'],
        inputs: { 'jacquard.s3Endpoint': clockless.endpoint, 'jacquard.s3Folder': FOLDER },
        secrets: secretsOf(keys.good),
      });
      const result = byId.get('s3.credentials');
      assert.equal(result?.status, 'fail');
      assert.equal(result?.messageKey, 'checks-jacquard:s3.credentials.clockRejected');
      assert.match(
        createI18n('en').t(result.messageKey, result.params),
        /clock differs from S3's by 15 minutes or more/,
      );
      assert.deepEqual(
        (await clockless.requests()).map((r) => r.status),
        [403],
        'the SDK had nothing to correct its clock with, so it did not sign again',
      );
    });

    void test('missing secrets skip the S3 checks instead of failing them', async () => {
      const { byId } = await runJacquardChecks({
        ids: ['s3.permissions'],
        inputs: inputs(),
        secrets: {},
      });
      assert.equal(byId.get('s3.credentials')?.status, 'skipped');
      assert.equal(byId.get('s3.permissions')?.status, 'skipped');
    });

    void test('plain http to a non-loopback endpoint is refused', async () => {
      const { byId } = await run(['s3.credentials'], keys.good, {
        'jacquard.s3Endpoint': 'http://s3.example.com',
      });
      assert.equal(byId.get('s3.credentials')?.status, 'fail');
      assert.equal(byId.get('s3.credentials')?.messageKey, 'checks:error.insecureUrl');
    });
  });

  void describe('s3.bucket', () => {
    void test("Jacquard's bucket is found with its region", async () => {
      const result = (await run(['s3.bucket'], keys.good)).byId.get('s3.bucket');
      assert.equal(result?.status, 'pass');
      assert.deepEqual(result?.details, { bucket: BUCKET, region: 'us-east-1' });
    });

    void test('a bucket in another region is located, and later checks address it there', async () => {
      const { byId } = await run(['s3.bucket', 's3.permissions'], keys.good, {
        'jacquard.s3Bucket': 'jacquard-eu-exports',
      });
      assert.equal(byId.get('s3.bucket')?.params.region, 'eu-west-2');
      assert.equal(byId.get('s3.permissions')?.status, 'pass');
    });

    void test('without GetBucketLocation the region still comes from the redirect header', async () => {
      const { byId } = await run(['s3.bucket'], keys.noLocation, {
        'jacquard.s3Bucket': 'jacquard-eu-exports',
      });
      assert.equal(byId.get('s3.bucket')?.params.region, 'eu-west-2');
    });

    void test('a near-miss name is pointed out: frasee-…, upper case', async () => {
      const typo = (
        await run(['s3.bucket'], keys.good, {
          'jacquard.s3Bucket': 'frasee-braze-currents-exports',
        })
      ).byId;
      assert.equal(typo.get('s3.bucket')?.messageKey, 'checks-jacquard:s3.bucket.notFoundNearMiss');
      assert.equal(typo.get('s3.bucket')?.params.suggestion, BUCKET);
      const upper = (
        await run(['s3.bucket'], keys.good, {
          'jacquard.s3Bucket': 'Phrasee-Braze-Currents-Exports',
        })
      ).byId;
      assert.equal(upper.get('s3.bucket')?.messageKey, 'checks-jacquard:s3.bucket.upperCase');
      assert.equal(upper.get('s3.bucket')?.status, 'fail');
    });

    void test("the French page's bucket name is refused without asking S3, suggesting the real one", async () => {
      const before = (await bed.requests()).length;
      const result = (
        await run(['s3.bucket'], keys.good, {
          'jacquard.s3Bucket': 'Exports Phrasee-Braze-Currents',
        })
      ).byId.get('s3.bucket');
      assert.equal(result?.status, 'fail');
      assert.equal(result?.messageKey, 'checks-jacquard:s3.bucket.notFoundNearMiss');
      assert.equal(result?.params.suggestion, BUCKET);
      const sent = (await bed.requests()).slice(before);
      // Only s3.credentials reached S3; s3.bucket had nothing to ask.
      assert.equal(sent.filter((r) => r.action === 's3:GetBucketLocation').length, 1);
    });

    void test("an existing bucket whose name is close to Jacquard's is pointed out", async () => {
      const result = (
        await run(['s3.bucket'], keys.good, { 'jacquard.s3Bucket': 'phrasee-braze-currents' })
      ).byId.get('s3.bucket');
      assert.equal(result?.status, 'warn');
      assert.equal(result?.messageKey, 'checks-jacquard:s3.bucket.nearMiss');
      assert.equal(result?.params.suggestion, BUCKET);
    });

    void test('a name S3 would refuse is reported as invalid', async () => {
      const result = (
        await run(['s3.bucket'], keys.good, { 'jacquard.s3Bucket': 'acme_exports' })
      ).byId.get('s3.bucket');
      assert.equal(result?.status, 'fail');
      assert.equal(result?.messageKey, 'checks-jacquard:s3.bucket.invalidName');
    });

    void test('an unknown bucket fails; the default name is used when none was entered', async () => {
      const missing = (
        await run(['s3.bucket'], keys.good, { 'jacquard.s3Bucket': 'no-such-exports' })
      ).byId;
      assert.equal(missing.get('s3.bucket')?.messageKey, 'checks-jacquard:s3.bucket.notFound');
      const defaulted = (await run(['s3.bucket'], keys.good, { 'jacquard.s3Bucket': '' })).byId;
      assert.equal(defaulted.get('s3.bucket')?.params.bucket, BUCKET);
    });

    void test('keys for another bucket: the credentials work but the bucket cannot be read', async () => {
      const { byId } = await run(['s3.permissions'], keys.elsewhere);
      assert.equal(byId.get('s3.credentials')?.status, 'pass');
      assert.equal(
        byId.get('s3.bucket')?.messageKey,
        'checks-jacquard:s3.bucket.regionUnknown',
        JSON.stringify(byId.get('s3.bucket')),
      );
      assert.equal(byId.get('s3.permissions')?.status, 'fail');
      assert.match(String(byId.get('s3.permissions')?.params.denied), /s3:ListBucket/);
    });
  });

  void describe('s3.permissions', () => {
    void test('without the opt-in nothing is written, and writing is reported as untested', async () => {
      const before = (await bed.requests()).length;
      const { byId } = await run(['s3.permissions'], keys.good);
      const result = byId.get('s3.permissions');
      assert.equal(result?.messageKey, 'checks-jacquard:s3.permissions.okWithoutWrite');
      const sent = (await bed.requests()).slice(before);
      assert.ok(
        sent.every((r) => r.method === 'GET' || r.method === 'HEAD'),
        JSON.stringify(sent),
      );
    });

    void test('with the opt-in a marker is written under the folder, read back and deleted', async () => {
      const before = (await bed.requests()).length;
      const { byId } = await run(['s3.permissions'], keys.good, {}, ['s3.write']);
      assert.equal(byId.get('s3.permissions')?.messageKey, 'checks-jacquard:s3.permissions.ok');
      const sent = (await bed.requests()).slice(before);
      const put = sent.find((r) => r.action === 's3:PutObject');
      assert.ok(put);
      assert.ok(put.key.startsWith(`${FOLDER}/partner-setup-check/`));
      assert.ok(
        sent.some((r) => r.action === 's3:DeleteObject' && r.key === put.key && r.status === 204),
      );
    });

    void test('a marker that cannot be deleted is reported with its key', async () => {
      const { byId } = await run(['s3.permissions'], keys.noDelete, {}, ['s3.write']);
      const result = byId.get('s3.permissions');
      assert.equal(result?.status, 'warn');
      assert.equal(result?.messageKey, 'checks-jacquard:s3.permissions.markerLeft');
      assert.match(String(result?.params.key), /^acme-retail\/partner-setup-check\//);
    });

    void test('each missing permission is named', async () => {
      const readOnly = (await run(['s3.permissions'], keys.readOnly, {}, ['s3.write'])).byId.get(
        's3.permissions',
      );
      assert.equal(readOnly?.status, 'fail');
      assert.equal(readOnly?.params.denied, 's3:PutObject');
      const noLocation = (await run(['s3.permissions'], keys.noLocation)).byId.get(
        's3.permissions',
      );
      assert.equal(noLocation?.status, 'fail');
      assert.equal(noLocation?.messageKey, 'checks-jacquard:s3.permissions.denied');
      assert.equal(noLocation?.params.denied, 's3:GetBucketLocation');
      const noRead = (await run(['s3.permissions'], keys.noRead)).byId.get('s3.permissions');
      assert.equal(noRead?.status, 'fail');
      assert.equal(noRead?.messageKey, 'checks-jacquard:s3.permissions.denied');
      assert.equal(noRead?.params.denied, 's3:GetObject');
    });

    void test('without listing, reading cannot be tested either, and the CSM is told so', async () => {
      const noList = (await run(['s3.permissions'], keys.noList)).byId.get('s3.permissions');
      assert.equal(noList?.status, 'fail');
      assert.equal(noList?.messageKey, 'checks-jacquard:s3.permissions.readUnknown');
      assert.equal(noList?.params.denied, 's3:ListBucket');
      const details = noList?.details as { permissions: Record<string, string> };
      assert.equal(details.permissions['s3:GetObject'], 'unknown');
      // Reading back the test file settles it.
      const written = (await run(['s3.permissions'], keys.noList, {}, ['s3.write'])).byId.get(
        's3.permissions',
      );
      assert.equal(written?.messageKey, 'checks-jacquard:s3.permissions.denied');
      assert.equal(written?.params.denied, 's3:ListBucket');
    });

    void test('a test file that cannot be read back fails the check', async () => {
      const result = (
        await run(['s3.permissions'], keys.readsExportsOnly, {}, ['s3.write'])
      ).byId.get('s3.permissions');
      assert.equal(result?.status, 'fail');
      assert.equal(result?.messageKey, 'checks-jacquard:s3.permissions.readBackFailed');
      assert.match(String(result?.params.key), /^acme-retail\/partner-setup-check\//);
    });

    void test('a bucket encrypting with SSE-KMS by default is refused', async () => {
      const { byId } = await run(['s3.permissions'], keys.good, {
        'jacquard.s3Bucket': 'kms-exports',
      });
      assert.equal(byId.get('s3.permissions')?.status, 'fail');
      assert.equal(byId.get('s3.permissions')?.messageKey, 'checks-jacquard:s3.permissions.kms');
    });

    void test("SSE-KMS is caught with only Braze's four permissions: from a file read…", async () => {
      const result = (
        await run(['s3.permissions'], keys.braze, { 'jacquard.s3Bucket': 'kms-exports' })
      ).byId.get('s3.permissions');
      assert.equal(result?.status, 'fail');
      assert.equal(result?.messageKey, 'checks-jacquard:s3.permissions.kms');
      assert.equal((result?.details as { encryption: string }).encryption, 'aws:kms');
    });

    void test('…or from the test file written to an empty bucket', async () => {
      const result = (
        await run(['s3.permissions'], keys.braze, { 'jacquard.s3Bucket': 'kms-fresh-exports' }, [
          's3.write',
        ])
      ).byId.get('s3.permissions');
      assert.equal(result?.status, 'fail');
      assert.equal(result?.messageKey, 'checks-jacquard:s3.permissions.kms');
    });

    void test('when nothing shows the encryption, the CSM hears it is unknown instead of a pass', async () => {
      for (const bucket of ['kms-untouched-exports', 'empty-exports']) {
        const result = (
          await run(['s3.permissions'], keys.braze, { 'jacquard.s3Bucket': bucket })
        ).byId.get('s3.permissions');
        assert.equal(result?.status, 'warn', bucket);
        assert.equal(result?.messageKey, 'checks-jacquard:s3.permissions.encryptionUnknown');
      }
      const plain = (await run(['s3.permissions'], keys.braze)).byId.get('s3.permissions');
      assert.equal(plain?.messageKey, 'checks-jacquard:s3.permissions.okWithoutWrite');
      assert.equal((plain?.details as { encryption: string }).encryption, 'AES256');
    });
  });

  void describe('s3.folder', () => {
    const folderResult = async (folder: string, bucket = BUCKET) =>
      (
        await run(['s3.folder'], keys.good, {
          'jacquard.s3Folder': folder,
          'jacquard.s3Bucket': bucket,
        })
      ).byId.get('s3.folder');

    void test('the recorded folder is found, slashes tidied', async () => {
      assert.equal((await folderResult('/acme-retail/'))?.status, 'pass');
    });

    void test('doubled slashes in a nested folder are tidied before it is looked for', async () => {
      const result = await folderResult('acme//retail/');
      assert.equal(result?.status, 'pass');
      assert.equal(result?.params.folder, 'acme/retail');
      assert.deepEqual(result?.details, { folder: 'acme/retail', spaces: false });
    });

    void test('a folder differing only in case is pointed out as a case difference', async () => {
      const result = await folderResult('Acme-Retail');
      assert.equal(result?.status, 'warn');
      assert.equal(result?.messageKey, 'checks-jacquard:s3.folder.caseMismatch');
      assert.deepEqual(result.params, { folder: 'Acme-Retail' });
      assert.match(createI18n('en').t(result.messageKey, result.params), /case-sensitive/);
      // Named in the app only: another client's folder could look like this one.
      assert.deepEqual(result.appOnlyNote, {
        messageKey: 'checks-jacquard:s3.folder.nearMissNote',
        params: { found: 'acme-retail' },
      });
    });

    void test('a folder differing in its spaces is pointed out as such, not as a case difference', async () => {
      const i18n = createI18n('en');
      for (const recorded of ['northwind', 'NorthWind']) {
        const result = await folderResult(recorded);
        assert.equal(result?.status, 'warn', recorded);
        assert.equal(result?.messageKey, 'checks-jacquard:s3.folder.spacingMismatch');
        assert.equal(result.appOnlyNote?.params.found, 'north wind');
        const text = i18n.t(result.messageKey, result.params);
        assert.match(text, /only in its spaces/);
        assert.doesNotMatch(text, /case-sensitive/);
      }
    });

    void test('spaces are warned about whether or not the folder exists yet', async () => {
      const i18n = createI18n('en');
      const cases: Array<[string, string, string]> = [
        ['north wind', BUCKET, 'ok'],
        ['south wind', BUCKET, 'notFound'],
        ['south wind', 'empty-exports', 'notYet'],
      ];
      for (const [folder, bucket, finding] of cases) {
        const result = await folderResult(folder, bucket);
        assert.ok(result);
        assert.equal(result.status, 'warn', finding);
        assert.equal(result.messageKey, 'checks-jacquard:s3.folder.spaces');
        assert.equal(result.params.finding, finding);
        // The English text gives the spaces warning and then what the bucket shows.
        const text = i18n.t(result.messageKey, result.params);
        assert.match(text, /contains spaces/);
        assert.ok(
          text.endsWith(i18n.t(`checks-jacquard:s3.folder.${finding}`, result.params)),
          text,
        );
      }
    });

    void test("files in Braze's default folder point to an empty folder field", async () => {
      const result = await folderResult('globex', 'defaulted-exports');
      assert.equal(result?.status, 'warn');
      assert.equal(result?.messageKey, 'checks-jacquard:s3.folder.brazeDefault');
      assert.equal(result?.params.found, 'currents');
    });

    void test('keys that may not list the bucket leave the folder unchecked', async () => {
      const result = (await run(['s3.folder'], keys.noList)).byId.get('s3.folder');
      assert.equal(result?.status, 'inconclusive');
      assert.equal(result?.messageKey, 'checks-jacquard:s3.folder.cannotList');
    });

    void test('a folder one slip away is pointed out, named in the app only', async () => {
      const result = await folderResult('acme-retial');
      assert.equal(result?.status, 'warn');
      assert.equal(result?.messageKey, 'checks-jacquard:s3.folder.similar');
      assert.equal(result.appOnlyNote?.params.found, 'acme-retail');
      assert.ok(!JSON.stringify({ ...result, appOnlyNote: null }).includes('acme-retail'));
    });

    void test('a folder not there yet is reported without naming the folders that are', async () => {
      const other = await folderResult('globex');
      assert.equal(other?.messageKey, 'checks-jacquard:s3.folder.notFound');
      assert.equal(other.appOnlyNote, undefined);
      assert.ok(!JSON.stringify(other).includes('acme-retail'), JSON.stringify(other));
      assert.equal(
        (await folderResult('globex', 'empty-exports'))?.messageKey,
        'checks-jacquard:s3.folder.notYet',
      );
    });
  });
});
