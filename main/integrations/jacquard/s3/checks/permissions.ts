import { randomBytes } from 'node:crypto';
import {
  DeleteObjectCommand,
  GetBucketEncryptionCommand,
  GetBucketLocationCommand,
  GetObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
} from '@aws-sdk/client-s3';
import type { JsonValue } from '../../../../../shared/types/checks.ts';
import type { CheckDefinition } from '../../../../checks/types.ts';
import { outcome } from '../../outcome.ts';
import type { JacquardS3 } from '../client.ts';
import { s3ErrorCode, s3Status } from '../errors.ts';
import { jacquardS3Check } from './jacquard-s3-check.ts';

/** The opt-in that lets this check write (and delete) one small marker object. */
export const S3_WRITE_OPT_IN = 's3.write';

type Access = 'allowed' | 'denied' | 'untested' | 'unknown';
type Needed = 's3:ListBucket' | 's3:GetBucketLocation' | 's3:GetObject' | 's3:PutObject';

/** Runs a probe; AccessDenied means the permission is missing, any other S3 answer that it is there. */
async function probe(
  s3: JacquardS3,
  op: Parameters<JacquardS3['call']>[0],
  missingIsAllowed = false,
): Promise<Access> {
  try {
    await s3.call(op);
    return 'allowed';
  } catch (error) {
    const code = s3ErrorCode(error);
    if (code === 'AccessDenied' || s3Status(error) === 403) return 'denied';
    if (missingIsAllowed && (code === 'NoSuchKey' || s3Status(error) === 404)) return 'allowed';
    throw error;
  }
}

/** The bucket's default encryption, or 'unknown' to keys without s3:GetEncryptionConfiguration (Braze's four lack it). */
async function defaultEncryption(s3: JacquardS3): Promise<string> {
  try {
    const out = await s3.call((c, o) =>
      c.send(new GetBucketEncryptionCommand({ Bucket: s3.inputs.bucket }), o),
    );
    const rules = out.ServerSideEncryptionConfiguration?.Rules ?? [];
    return rules[0]?.ApplyServerSideEncryptionByDefault?.SSEAlgorithm ?? 'none';
  } catch (error) {
    const code = s3ErrorCode(error);
    if (code === 'ServerSideEncryptionConfigurationNotFoundError') return 'none';
    if (code === 'AccessDenied') return 'unknown';
    throw error;
  }
}

/**
 * S3 names an object's encryption in every GET and PUT answer, so the read probe and the write
 * test reveal SSE-KMS even to keys that may not read the bucket's encryption setting.
 */
type EncryptionSeen = Set<string>;
const noteEncryption = (
  seen: EncryptionSeen,
  out: { ServerSideEncryption?: string | undefined },
) => {
  if (out.ServerSideEncryption) seen.add(out.ServerSideEncryption);
};

interface WriteTest {
  put: Access;
  readBack: boolean;
  deleted: boolean;
  key: string;
}

/** Only with the CSM's opt-in: write a marker under the client's folder, read it, remove it. */
async function writeTest(s3: JacquardS3, folder: string, seen: EncryptionSeen): Promise<WriteTest> {
  const Bucket = s3.inputs.bucket;
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const key = `${folder ? `${folder}/` : ''}partner-setup-check/${stamp}-${randomBytes(4).toString('hex')}.txt`;
  const body = `Partner Setup Assistant write test ${stamp}. Safe to delete.\n`;
  const put = await probe(s3, async (c, o) => {
    const out = await c.send(
      new PutObjectCommand({ Bucket, Key: key, Body: body, ContentType: 'text/plain' }),
      o,
    );
    noteEncryption(seen, out);
  });
  if (put !== 'allowed') return { put, readBack: false, deleted: true, key };
  let readBack = false;
  try {
    const got = await s3.call((c, o) => c.send(new GetObjectCommand({ Bucket, Key: key }), o));
    noteEncryption(seen, got);
    readBack = (await got.Body?.transformToString()) === body;
  } catch (error) {
    if (s3ErrorCode(error) === null) throw error;
  }
  let deleted = true;
  try {
    await s3.call((c, o) => c.send(new DeleteObjectCommand({ Bucket, Key: key }), o));
  } catch (error) {
    if (s3ErrorCode(error) === null) throw error;
    deleted = false;
  }
  return { put, readBack, deleted, key };
}

const isKms = (algorithm: string) => algorithm.startsWith('aws:kms');

export const s3PermissionsCheck: CheckDefinition = jacquardS3Check({
  id: 's3.permissions',
  dependsOn: ['s3.bucket'],
  async run(s3, ctx) {
    const { bucket: Bucket, folder } = s3.inputs;
    const prefix = folder ? `${folder}/` : '';
    const sample: { key: string | null } = { key: null };
    const seen: EncryptionSeen = new Set();
    const access: Record<Needed, Access> = {
      's3:ListBucket': await probe(s3, async (c, o) => {
        const out = await c.send(
          new ListObjectsV2Command({ Bucket, Prefix: prefix, MaxKeys: 1 }),
          o,
        );
        sample.key = out.Contents?.[0]?.Key ?? null;
      }),
      's3:GetBucketLocation': await probe(s3, (c, o) =>
        c.send(new GetBucketLocationCommand({ Bucket }), o),
      ),
      's3:GetObject': 'unknown',
      's3:PutObject': 'untested',
    };
    // Reading an existing object answers plainly; a missing key answers NoSuchKey only to a key that
    // may also list the bucket (otherwise S3 hides whether it exists behind AccessDenied).
    const readKey =
      sample.key ?? `${prefix}partner-setup-check/absent-${randomBytes(4).toString('hex')}`;
    if (sample.key !== null || access['s3:ListBucket'] === 'allowed') {
      access['s3:GetObject'] = await probe(
        s3,
        async (c, o) => {
          const out = await c.send(
            new GetObjectCommand({ Bucket, Key: readKey, Range: 'bytes=0-0' }),
            o,
          );
          noteEncryption(seen, out);
        },
        true,
      );
    }
    let write: WriteTest | null = null;
    if (ctx.optIns.has(S3_WRITE_OPT_IN)) {
      write = await writeTest(s3, folder, seen);
      access['s3:PutObject'] = write.put;
      // Reading back our own marker answers what the probe could not ask without listing.
      if (write.readBack && access['s3:GetObject'] === 'unknown')
        access['s3:GetObject'] = 'allowed';
    }
    const bucketDefault = await defaultEncryption(s3);
    const objects = [...seen];
    const details: JsonValue = {
      bucket: Bucket,
      permissions: access,
      encryption: bucketDefault === 'unknown' ? (objects[0] ?? 'unknown') : bucketDefault,
      objectEncryption: objects,
      writeTest: write
        ? { key: write.key, readBack: write.readBack, deleted: write.deleted }
        : null,
    };
    const denied = Object.entries(access)
      .filter(([, a]) => a === 'denied')
      .map(([name]) => name)
      .join(', ');
    if (isKms(bucketDefault) || objects.some(isKms)) {
      return outcome('fail', 's3.permissions.kms', { bucket: Bucket }, details);
    }
    // Only listing was refused then, and without it S3 cannot be asked about reading either.
    if (access['s3:GetObject'] === 'unknown')
      return outcome('fail', 's3.permissions.readUnknown', { denied }, details);
    if (denied) return outcome('fail', 's3.permissions.denied', { denied }, details);
    if (write && !write.readBack)
      return outcome('fail', 's3.permissions.readBackFailed', { key: write.key }, details);
    if (write && !write.deleted)
      return outcome('warn', 's3.permissions.markerLeft', { key: write.key }, details);
    if (bucketDefault === 'unknown' && objects.length === 0)
      return outcome('warn', 's3.permissions.encryptionUnknown', { bucket: Bucket }, details);
    if (!write) return outcome('pass', 's3.permissions.okWithoutWrite', {}, details);
    return outcome('pass', 's3.permissions.ok', {}, details);
  },
});
