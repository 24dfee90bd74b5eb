import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { join, relative, sep } from 'node:path';
import S3rver from 's3rver';
import S3Object from 's3rver/lib/models/object.js';
import FilesystemStore from 's3rver/lib/stores/filesystem.js';
import { createGateway } from './s3-gateway-server.ts';
import type { LoggedRequest, S3TestBedOptions } from './s3-gateway-types.ts';
import { indexListings, loadKeyIndex } from './s3rver-key-index.ts';

/**
 * The S3 test bed's own process: s3rver paginates listings with DES continuation tokens, which
 * Node ≥ 17 only allows with `--openssl-legacy-provider` set at start-up (see s3-gateway.ts).
 * Reads its options as JSON from argv, prints `{"endpoint": …}` once ready, stops on SIGTERM/SIGINT.
 */

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

/** Bytes in the file so far; none while its write has not opened it yet. */
async function writtenBytes(path: string): Promise<number> {
  try {
    return (await stat(path)).size;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 0;
    throw error;
  }
}

async function seed(s3rver: S3rver, bucket: string, dir: string): Promise<void> {
  const files = await filesUnder(dir);
  const queue = [...files];
  const worker = async () => {
    for (let file = queue.pop(); file !== undefined; file = queue.pop()) {
      const key = relative(dir, file).split(sep).join('/');
      const content = await readFile(file);
      await s3rver.store.putObject({
        bucket,
        key,
        content,
        metadata: {
          'content-type': key.endsWith('.avro') ? 'application/avro' : 'binary/octet-stream',
        },
      });
      // s3rver answers a put of a buffer before its file is written: a large object would be
      // listed and served cut short (at the size written so far) until the write catches up.
      const stored = s3rver.store.getResourcePath(bucket, key, 'object');
      while ((await writtenBytes(stored)) < content.length) await sleep(5);
    }
  };
  await Promise.all(Array.from({ length: 8 }, worker));
}

async function main(): Promise<void> {
  const options = JSON.parse(process.argv[2] ?? '{}') as S3TestBedOptions;
  indexListings(FilesystemStore, S3Object);
  const directory = await mkdtemp(join(tmpdir(), 's3-testbed-'));
  const s3rver = new S3rver({
    address: '127.0.0.1',
    port: 0,
    directory,
    silent: true,
    configureBuckets: options.buckets.map((b) => ({ name: b.name })),
  });
  const { port } = await s3rver.run();
  for (const bucket of options.buckets) {
    if (bucket.seedDir) await seed(s3rver, bucket.name, bucket.seedDir);
    await loadKeyIndex(s3rver.store, bucket.name);
  }
  const log: LoggedRequest[] = [];
  const gateway: Server = createGateway(options, port, log);
  await new Promise<void>((resolve) => gateway.listen(0, '127.0.0.1', resolve));
  const address = gateway.address();
  if (address === null || typeof address === 'string') throw new Error('gateway has no port');
  process.stdout.write(`${JSON.stringify({ endpoint: `http://127.0.0.1:${address.port}` })}\n`);

  let stopping = false;
  const stop = (): void => {
    if (stopping) return;
    stopping = true;
    gateway.closeAllConnections();
    gateway.close();
    void s3rver
      .close()
      .then(() => rm(directory, { recursive: true, force: true }))
      .then(() => process.exit(0));
  };
  // Ctrl-C in a terminal (the demo) reaches this process too, and the parent then sends SIGTERM:
  // both lead to one clean stop, and a second signal must not kill it before its files are gone.
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  // The parent died without stopping it (SIGKILL, a crash): stop rather than outlive it.
  process.stdin.once('end', stop).resume();
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
