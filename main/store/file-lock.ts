import { randomUUID } from 'node:crypto';
import { open, readFile, stat, unlink, utimes } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';

export interface LockTiming {
  now: () => number;
  /** A lock whose time has not moved for this long has no live owner refreshing it. */
  staleAfterMs: number;
  /** How often the owner refreshes its lock's time while it works. */
  refreshEveryMs: number;
  retryEveryMs: number;
  /** Beyond the stale age, so a lock whose owner died before writing itself in is waited out. */
  giveUpAfterMs: number;
}

const defaultTiming: LockTiming = {
  now: () => Date.now(),
  staleAfterMs: 10_000,
  refreshEveryMs: 1_000,
  retryEveryMs: 15,
  giveUpAfterMs: 20_000,
};

/**
 * A lock file beside the store, so the app and a CLI run never interleave a read-modify-write.
 * It holds its owner's pid and a token of its own: a lock whose owner died (a crash, a kill) is
 * taken over at once, so the app restarted right after a crash can save. The owner refreshes the
 * lock's time while it works, so a slow save on a busy machine is never taken for a stale lock;
 * a lock left without an owner that can be checked is taken over once its time has stood still.
 */
export async function withFileLock<T>(
  lockFile: string,
  work: () => Promise<T>,
  timing: LockTiming = defaultTiming,
): Promise<T> {
  const owner = await acquire(lockFile, timing);
  const refresh = setInterval(() => {
    const now = new Date(timing.now());
    utimes(lockFile, now, now).catch(() => undefined);
  }, timing.refreshEveryMs);
  try {
    return await work();
  } finally {
    clearInterval(refresh);
    // Only our own: had a stall let another process take it over, the lock is theirs now.
    if ((await readFile(lockFile, 'utf8').catch(() => null)) === owner) {
      await unlink(lockFile).catch(() => undefined);
    }
  }
}

async function acquire(lockFile: string, timing: LockTiming): Promise<string> {
  const owner = `${process.pid} ${randomUUID()}`;
  const started = timing.now();
  for (;;) {
    if (await createWith(lockFile, owner)) return owner;
    if ((await isStale(lockFile, timing)) && (await removeIfStale(lockFile, timing))) continue;
    if (timing.now() - started > timing.giveUpAfterMs) {
      throw new Error(`Store is locked: ${lockFile}`);
    }
    await sleep(timing.retryEveryMs);
  }
}

/** Creates `file` holding `content`, unless it exists. */
async function createWith(file: string, content: string): Promise<boolean> {
  let handle;
  try {
    handle = await open(file, 'wx');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
  try {
    await handle.writeFile(content);
  } finally {
    await handle.close();
  }
  return true;
}

/**
 * Removes a stale lock, one process at a time, judging it again first: two processes that found
 * the same stale lock would otherwise both remove it, the second removing the lock the first had
 * just taken. False when another process is doing it (wait, then look again).
 */
async function removeIfStale(lockFile: string, timing: LockTiming): Promise<boolean> {
  const remover = `${lockFile}.break`;
  if (!(await createWith(remover, `${process.pid} ${randomUUID()}`))) {
    // Held for an instant; one left by a process killed in that instant goes like any stale lock.
    if (await isStale(remover, timing)) await unlink(remover).catch(() => undefined);
    return false;
  }
  try {
    if (await isStale(lockFile, timing)) await unlink(lockFile).catch(() => undefined);
    return true;
  } finally {
    await unlink(remover).catch(() => undefined);
  }
}

async function isStale(lockFile: string, timing: LockTiming): Promise<boolean> {
  try {
    const [info, owner] = await Promise.all([stat(lockFile), readFile(lockFile, 'utf8')]);
    if (timing.now() - info.mtimeMs > timing.staleAfterMs) return true;
    // Empty for the instant between creating the file and writing the owner: judged by its time.
    const pid = Number(owner.split(' ')[0]);
    return owner !== '' && Number.isInteger(pid) && pid > 0 && !isAlive(pid);
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
