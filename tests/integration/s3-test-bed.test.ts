import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  DeleteObjectCommand,
  GetBucketEncryptionCommand,
  GetBucketLocationCommand,
  GetObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import { setTimeout as sleep } from 'node:timers/promises';
import { startS3TestBed, type S3TestBed } from '../support/s3-gateway.ts';

// The test bed itself: each behaviour the checks rely on must be what S3 documents.

const admin = {
  accessKeyId: 'AKIATESTBEDADMIN0001',
  secretAccessKey: 'admin-secret-0000000000000000',
};
const reader = {
  accessKeyId: 'AKIATESTBEDREADER001',
  secretAccessKey: 'reader-secret-000000000000000',
  actions: ['s3:ListBucket', 's3:GetObject'] as const,
  objectPrefixes: { 's3:GetObject': ['f/'] },
};
const temporary = {
  accessKeyId: 'ASIATESTBEDTEMP00001',
  secretAccessKey: 'temporary-secret-0000000000000',
  sessionToken: 'the-session-token',
};

function client(
  endpoint: string,
  creds: { accessKeyId: string; secretAccessKey: string; sessionToken?: string },
  region = 'us-east-1',
) {
  return new S3Client({
    endpoint,
    region,
    forcePathStyle: true,
    credentials: creds,
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
    maxAttempts: 1,
  });
}

async function errorOf(p: Promise<unknown>): Promise<S3ServiceException> {
  try {
    await p;
  } catch (err) {
    if (err instanceof S3ServiceException) return err;
    throw err;
  }
  assert.fail('expected an S3 error');
}

void describe('S3 test bed', () => {
  let bed: S3TestBed;
  before(async () => {
    bed = await startS3TestBed({
      buckets: [
        { name: 'plain-bucket' },
        { name: 'far-bucket', region: 'eu-west-2' },
        { name: 'kms-bucket', encryption: 'aws:kms' },
        { name: 'broken-bucket', internalError: true },
      ],
      keys: [admin, reader, temporary],
    });
    const s3 = client(bed.endpoint, admin);
    for (const key of ['f/a/x.avro', 'f/c/d/e/z.avro', 'f/c/y.txt', 'f/top.txt', 'g/other.txt']) {
      await s3.send(new PutObjectCommand({ Bucket: 'plain-bucket', Key: key, Body: key }));
    }
  });
  after(() => bed.close());

  void test('delimiter listings return every common prefix, however deep the objects', async () => {
    const s3 = client(bed.endpoint, admin);
    const out = await s3.send(
      new ListObjectsV2Command({ Bucket: 'plain-bucket', Prefix: 'f/', Delimiter: '/' }),
    );
    assert.deepEqual(
      out.CommonPrefixes?.map((p) => p.Prefix),
      ['f/a/', 'f/c/'],
    );
    assert.deepEqual(
      out.Contents?.map((c) => c.Key),
      ['f/top.txt'],
    );
    const deep = await s3.send(
      new ListObjectsV2Command({ Bucket: 'plain-bucket', Prefix: 'f/c/', Delimiter: '/' }),
    );
    assert.deepEqual(
      deep.CommonPrefixes?.map((p) => p.Prefix),
      ['f/c/d/'],
    );
    assert.deepEqual(
      deep.Contents?.map((c) => c.Key),
      ['f/c/y.txt'],
    );
  });

  void test('flat listings paginate (continuation tokens work)', async () => {
    const s3 = client(bed.endpoint, admin);
    const keys: string[] = [];
    let token: string | undefined;
    do {
      const page = await s3.send(
        new ListObjectsV2Command({ Bucket: 'plain-bucket', MaxKeys: 2, ContinuationToken: token }),
      );
      keys.push(...(page.Contents ?? []).map((c) => c.Key ?? ''));
      token = page.NextContinuationToken;
    } while (token);
    assert.equal(keys.length, 5);
  });

  void test('listings follow writes: a new object appears, an overwrite lists its new size, a deleted one is gone', async () => {
    const s3 = client(bed.endpoint, admin);
    const list = async () =>
      (
        await s3.send(new ListObjectsV2Command({ Bucket: 'plain-bucket', Prefix: 'w/' }))
      ).Contents?.map((c) => [c.Key, c.Size]);
    await s3.send(new PutObjectCommand({ Bucket: 'plain-bucket', Key: 'w/a.txt', Body: 'one' }));
    assert.deepEqual(await list(), [['w/a.txt', 3]]);
    await s3.send(new PutObjectCommand({ Bucket: 'plain-bucket', Key: 'w/a.txt', Body: 'three' }));
    await s3.send(new PutObjectCommand({ Bucket: 'plain-bucket', Key: 'w/b/c.txt', Body: 'c' }));
    assert.deepEqual(await list(), [
      ['w/a.txt', 5],
      ['w/b/c.txt', 1],
    ]);
    await s3.send(new DeleteObjectCommand({ Bucket: 'plain-bucket', Key: 'w/a.txt' }));
    await s3.send(new DeleteObjectCommand({ Bucket: 'plain-bucket', Key: 'w/b/c.txt' }));
    assert.equal(await list(), undefined);
    const folders = await s3.send(
      new ListObjectsV2Command({ Bucket: 'plain-bucket', Prefix: 'w/', Delimiter: '/' }),
    );
    assert.equal(folders.KeyCount, 0);
    assert.equal(folders.CommonPrefixes, undefined);
  });

  void test('a wrong secret gets SignatureDoesNotMatch; an unknown key id InvalidAccessKeyId', async () => {
    const wrong = client(bed.endpoint, {
      ...admin,
      secretAccessKey: 'not-the-secret-0000000000000',
    });
    const e1 = await errorOf(wrong.send(new ListObjectsV2Command({ Bucket: 'plain-bucket' })));
    assert.equal(e1.name, 'SignatureDoesNotMatch');
    assert.equal(e1.$metadata.httpStatusCode, 403);
    const unknown = client(bed.endpoint, { ...admin, accessKeyId: 'AKIANOBODY0000000000' });
    const e2 = await errorOf(unknown.send(new ListObjectsV2Command({ Bucket: 'plain-bucket' })));
    assert.equal(e2.name, 'InvalidAccessKeyId');
  });

  void test('actions outside a key policy are denied', async () => {
    const s3 = client(bed.endpoint, reader);
    const got = await s3.send(new GetObjectCommand({ Bucket: 'plain-bucket', Key: 'f/top.txt' }));
    assert.equal(await got.Body?.transformToString(), 'f/top.txt');
    const e = await errorOf(
      s3.send(new PutObjectCommand({ Bucket: 'plain-bucket', Key: 'f/new.txt', Body: 'x' })),
    );
    assert.equal(e.name, 'AccessDenied');
    const log = await bed.requests();
    assert.ok(log.some((r) => r.action === 's3:PutObject' && r.status === 403));
    const outside = await errorOf(
      s3.send(new GetObjectCommand({ Bucket: 'plain-bucket', Key: 'g/other.txt' })),
    );
    assert.equal(outside.name, 'AccessDenied');
  });

  void test('a temporary key is unknown to S3 without its session token, refused with another one', async () => {
    const { sessionToken, ...withoutToken } = temporary;
    const list = (creds: Parameters<typeof client>[1]) =>
      client(bed.endpoint, creds).send(new ListObjectsV2Command({ Bucket: 'plain-bucket' }));
    assert.equal((await errorOf(list(withoutToken))).name, 'InvalidAccessKeyId');
    assert.equal(
      (await errorOf(list({ ...withoutToken, sessionToken: 'another-token' }))).name,
      'InvalidToken',
    );
    assert.equal((await list({ ...withoutToken, sessionToken })).KeyCount, 5);
  });

  void test('object answers name the encryption applied, with the KMS key for SSE-KMS', async () => {
    const s3 = client(bed.endpoint, admin);
    const put = await s3.send(
      new PutObjectCommand({ Bucket: 'kms-bucket', Key: 'k.txt', Body: 'k' }),
    );
    assert.equal(put.ServerSideEncryption, 'aws:kms');
    assert.match(put.SSEKMSKeyId ?? '', /^arn:aws:kms:/);
    const got = await s3.send(
      new GetObjectCommand({ Bucket: 'kms-bucket', Key: 'k.txt', Range: 'bytes=0-0' }),
    );
    assert.equal(got.ServerSideEncryption, 'aws:kms');
    const plain = await s3.send(new GetObjectCommand({ Bucket: 'plain-bucket', Key: 'f/top.txt' }));
    assert.equal(plain.ServerSideEncryption, 'AES256');
    const missing = await errorOf(
      s3.send(new GetObjectCommand({ Bucket: 'kms-bucket', Key: 'none' })),
    );
    assert.equal(missing.$response?.headers['x-amz-server-side-encryption'], undefined);
  });

  void test('a failing bucket answers 500 InternalError', async () => {
    const e = await errorOf(
      client(bed.endpoint, admin).send(new ListObjectsV2Command({ Bucket: 'broken-bucket' })),
    );
    assert.equal(e.name, 'InternalError');
    assert.equal(e.$metadata.httpStatusCode, 500);
  });

  void test('a bucket in another region redirects, and GetBucketLocation names the region', async () => {
    const s3 = client(bed.endpoint, admin);
    const e = await errorOf(s3.send(new ListObjectsV2Command({ Bucket: 'far-bucket' })));
    assert.equal(e.$metadata.httpStatusCode, 301);
    assert.equal(e.$response?.headers['x-amz-bucket-region'], 'eu-west-2');
    const loc = await s3.send(new GetBucketLocationCommand({ Bucket: 'far-bucket' }));
    assert.equal(loc.LocationConstraint, 'eu-west-2');
    const there = client(bed.endpoint, admin, 'eu-west-2');
    const listed = await there.send(new ListObjectsV2Command({ Bucket: 'far-bucket' }));
    assert.equal(listed.KeyCount, 0);
  });

  void test('default encryption is reported per bucket', async () => {
    const s3 = client(bed.endpoint, admin);
    const kms = await s3.send(new GetBucketEncryptionCommand({ Bucket: 'kms-bucket' }));
    const rule = kms.ServerSideEncryptionConfiguration?.Rules?.[0];
    assert.equal(rule?.ApplyServerSideEncryptionByDefault?.SSEAlgorithm, 'aws:kms');
    const plain = await s3.send(new GetBucketEncryptionCommand({ Bucket: 'plain-bucket' }));
    assert.equal(
      plain.ServerSideEncryptionConfiguration?.Rules?.[0]?.ApplyServerSideEncryptionByDefault
        ?.SSEAlgorithm,
      'AES256',
    );
  });
});

void test('a download the client stops reading midway does not keep the test bed from closing', async () => {
  const bed = await startS3TestBed({ buckets: [{ name: 'big-bucket' }], keys: [admin] });
  const s3 = client(bed.endpoint, admin);
  // Far more than the socket buffers between the gateway and s3rver hold.
  const size = 32 * 1024 * 1024;
  await s3.send(
    new PutObjectCommand({ Bucket: 'big-bucket', Key: 'big.bin', Body: Buffer.alloc(size) }),
  );
  const got = await s3.send(new GetObjectCommand({ Bucket: 'big-bucket', Key: 'big.bin' }));
  // What the Currents sample does when its event budget runs out: read a little, then stop.
  for await (const chunk of got.Body as AsyncIterable<Buffer>) {
    assert.ok(chunk.length < size);
    break;
  }
  s3.destroy();
  // A close takes well under a second; one that waits for the abandoned answer never ends.
  const closed = await Promise.race([
    bed.close().then(() => true),
    sleep(60_000, false, { ref: false }),
  ]);
  assert.equal(closed, true, 'the test bed did not close');
});
