import { open, stat, unlink } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';

const staleAfterMs = 10_000;
const retryEveryMs = 15;
const giveUpAfterMs = 8_000;

/**
 * A lock file beside the store, so the app and a CLI run never interleave a read-modify-write.
 * A lock left by a crashed process is taken over once it is older than any real update could take.
 */
export async function withFileLock<T>(lockFile: string, work: () => Promise<T>): Promise<T> {
  const started = Date.now();
  for (;;) {
    try {
      const handle = await open(lockFile, 'wx');
      await handle.close();
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      if (await isStale(lockFile)) {
        await unlink(lockFile).catch(() => undefined);
        continue;
      }
      if (Date.now() - started > giveUpAfterMs) {
        throw new Error(`Store is locked: ${lockFile}`, { cause: error });
      }
      await sleep(retryEveryMs);
    }
  }
  try {
    return await work();
  } finally {
    await unlink(lockFile).catch(() => undefined);
  }
}

async function isStale(lockFile: string): Promise<boolean> {
  try {
    return Date.now() - (await stat(lockFile)).mtimeMs > staleAfterMs;
  } catch {
    return false;
  }
}
