import { ListObjectsV2Command, type _Object } from '@aws-sdk/client-s3';
import type { JacquardS3 } from './client.ts';

/** Common prefixes (sub-folders) directly under `prefix`, every page, at most `maxPages` pages. */
export async function listFolders(
  s3: JacquardS3,
  prefix: string,
  options: { startAfter?: string; maxPages?: number } = {},
): Promise<{ folders: string[]; complete: boolean }> {
  const folders: string[] = [];
  let token: string | undefined;
  for (let page = 0; page < (options.maxPages ?? 20); page++) {
    const out = await s3.call((c, o) =>
      c.send(
        new ListObjectsV2Command({
          Bucket: s3.inputs.bucket,
          Prefix: prefix,
          Delimiter: '/',
          ...(token
            ? { ContinuationToken: token }
            : options.startAfter
              ? { StartAfter: options.startAfter }
              : {}),
        }),
        o,
      ),
    );
    for (const p of out.CommonPrefixes ?? []) if (p.Prefix) folders.push(p.Prefix);
    token = out.IsTruncated ? out.NextContinuationToken : undefined;
    if (!token) return { folders, complete: true };
  }
  return { folders, complete: false };
}

/** Objects anywhere under `prefix` (flat), at most `maxPages` pages of `pageSize` (S3's most: 1,000). */
export async function listObjects(
  s3: JacquardS3,
  prefix: string,
  maxPages: number,
  pageSize = 1000,
): Promise<{ objects: _Object[]; complete: boolean }> {
  const objects: _Object[] = [];
  let token: string | undefined;
  for (let page = 0; page < maxPages; page++) {
    const out = await s3.call((c, o) =>
      c.send(
        new ListObjectsV2Command({
          Bucket: s3.inputs.bucket,
          Prefix: prefix,
          MaxKeys: pageSize,
          ContinuationToken: token,
        }),
        o,
      ),
    );
    objects.push(...(out.Contents ?? []));
    token = out.IsTruncated ? out.NextContinuationToken : undefined;
    if (!token) return { objects, complete: true };
  }
  return { objects, complete: false };
}
