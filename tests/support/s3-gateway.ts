import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { LoggedRequest, S3TestBedOptions } from './s3-gateway-types.ts';

export type {
  LoggedRequest,
  S3Action,
  S3TestBedOptions,
  TestBucket,
  TestKey,
} from './s3-gateway-types.ts';

/** A running S3 test bed: real s3rver behind the gateway of s3-gateway-server.ts, on loopback. */
export interface S3TestBed {
  /** `http://127.0.0.1:<port>`: use with `forcePathStyle`. */
  endpoint: string;
  /** Every request the gateway saw, in order, with the status it answered. */
  requests(): Promise<LoggedRequest[]>;
  close(): Promise<void>;
}

const processScript = fileURLToPath(new URL('./s3-gateway-process.ts', import.meta.url));

/**
 * Starts the test bed in its own process (s3rver needs `--openssl-legacy-provider` for paginated
 * listings, a start-up flag). Buckets with `seedDir` are loaded before it answers.
 */
export async function startS3TestBed(options: S3TestBedOptions): Promise<S3TestBed> {
  const child = spawn(process.execPath, [processScript, JSON.stringify(options)], {
    env: { ...process.env, NODE_OPTIONS: '--openssl-legacy-provider' },
    // stdin is never written: it closes when this process dies, however it dies (see the child).
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const lines = createInterface({ input: child.stdout });
  const first = await Promise.race([
    once(lines, 'line').then(([line]) => String(line)),
    once(child, 'exit').then(() => null),
  ]);
  if (first === null) throw new Error(`S3 test bed did not start: ${stderr}`);
  const { endpoint } = JSON.parse(first) as { endpoint: string };
  let closed: Promise<void> | null = null;
  return {
    endpoint,
    async requests() {
      const res = await fetch(`${endpoint}/__testbed__/log`);
      return (await res.json()) as LoggedRequest[];
    },
    close() {
      closed ??= (async () => {
        // Already gone (Ctrl-C reaches the whole process group): its exit event has fired.
        if (child.exitCode !== null || child.signalCode !== null) return;
        const exited = once(child, 'exit');
        child.kill('SIGTERM');
        await exited;
      })();
      return closed;
    },
  };
}
