import { open, readFile, stat, unlink } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';

const staleAfterMs = 10_000;
const emptyStaleAfterMs = 1_000;
const retryEveryMs = 15;
const giveUpAfterMs = 8_000;

/**
 * A lock file beside the store, so the app and a CLI run never interleave a read-modify-write.
 * It holds its owner's pid: a lock whose owner died (a crash, a kill) is taken over at once, so
 * the app restarted right after a crash can save; any other lock once it is older than any real
 * update could take.
 */
export async function withFileLock<T>(lockFile: string, work: () => Promise<T>): Promise<T> {
  const started = Date.now();
  for (;;) {
    try {
      const handle = await open(lockFile, 'wx');
      try {
        await handle.writeFile(String(process.pid));
      } finally {
        await handle.close();
      }
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
    const [info, owner] = await Promise.all([stat(lockFile), readFile(lockFile, 'utf8')]);
    const age = Date.now() - info.mtimeMs;
    if (age > staleAfterMs) return true;
    const pid = Number(owner);
    // Empty for the instant between creating the file and writing the pid; not for a second.
    if (owner === '') return age > emptyStaleAfterMs;
    return Number.isInteger(pid) && pid > 0 && !isAlive(pid);
  } catch {
    return false;
  }
}

/** Signal 0 checks existence only; EPERM means alive but someone else's. */
function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
