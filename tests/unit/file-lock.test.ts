import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { readFile, stat, unlink, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { withFileLock, type LockTiming } from '../../main/store/file-lock.ts';
import { tempDir } from '../support/temp-dir.ts';

/** Lock timing on a clock the test moves by hand. */
function handClock(): LockTiming & { advance(ms: number): void } {
  let now = Date.now();
  return {
    now: () => now,
    advance: (ms) => void (now += ms),
    staleAfterMs: 10_000,
    refreshEveryMs: 10,
    retryEveryMs: 5,
    giveUpAfterMs: 20_000,
  };
}

/** The pid of a process that has ended. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '']);
  await once(child, 'exit');
  assert.ok(child.pid);
  return child.pid;
}

/** Whether `done()` comes to hold within `patienceMs`, looking every few milliseconds. */
async function eventually(done: () => Promise<boolean>, patienceMs = 10_000): Promise<boolean> {
  const started = Date.now();
  while (!(await done())) {
    if (Date.now() - started > patienceMs) return false;
    await sleep(5);
  }
  return true;
}

test('a lock whose owner has died is taken over at once', async (t) => {
  const lock = join(await tempDir(t), 'store.json.lock');
  await writeFile(lock, `${await deadPid()} 0b8f`);
  const clock = handClock();
  assert.equal(await withFileLock(lock, () => Promise.resolve('saved'), clock), 'saved');
});

test('a save that outlasts the stale age keeps its lock: its owner keeps it fresh', async (t) => {
  const lock = join(await tempDir(t), 'store.json.lock');
  const clock = handClock();
  let finish!: () => void;
  const holding = new Promise<void>((resolve) => (finish = resolve));
  const events: string[] = [];
  const first = withFileLock(
    lock,
    async () => {
      events.push('first in');
      await holding;
      events.push('first out');
    },
    clock,
  );
  assert.ok(await eventually(() => Promise.resolve(events.length > 0)));
  // A whole minute passes on the clock while the first save is still at work (a busy machine).
  clock.advance(60_000);
  const refreshed = await eventually(async () => (await stat(lock)).mtimeMs >= clock.now() - 1_000);
  assert.ok(refreshed, 'the owner did not keep its lock fresh');
  const second = withFileLock(lock, () => Promise.resolve(void events.push('second in')), clock);
  await sleep(50);
  finish();
  await Promise.all([first, second]);
  assert.deepEqual(events, ['first in', 'first out', 'second in']);
});

test('a lock still empty (its owner about to write itself in) is not taken before it is stale', async (t) => {
  const lock = join(await tempDir(t), 'store.json.lock');
  await writeFile(lock, '');
  const clock = handClock();
  clock.advance(5_000);
  let entered = false;
  const waiting = withFileLock(lock, () => Promise.resolve(void (entered = true)), clock);
  await sleep(200);
  assert.equal(entered, false, 'a lock five seconds old was taken from its owner');
  await unlink(lock);
  await waiting;
  assert.equal(entered, true);
});

test('an owner whose lock was taken over after a stall leaves the new owner’s lock alone', async (t) => {
  const lock = join(await tempDir(t), 'store.json.lock');
  const clock = handClock();
  await withFileLock(
    lock,
    async () => {
      await unlink(lock);
      await writeFile(lock, `${process.pid} the-next-owner`);
    },
    clock,
  );
  assert.equal(await readFile(lock, 'utf8'), `${process.pid} the-next-owner`);
});

test('writers that find the same stale lock at once still save one at a time', async (t) => {
  const lock = join(await tempDir(t), 'store.json.lock');
  const clock = handClock();
  const dead = await deadPid();
  let inside = 0;
  let most = 0;
  for (let round = 0; round < 30; round++) {
    await writeFile(lock, `${dead} crashed`);
    const old = new Date(clock.now() - 60_000);
    await utimes(lock, old, old);
    await Promise.all(
      Array.from({ length: 6 }, () =>
        withFileLock(
          lock,
          async () => {
            most = Math.max(most, ++inside);
            await sleep(2);
            inside--;
          },
          clock,
        ),
      ),
    );
  }
  assert.equal(most, 1, 'two writers held the lock at once');
});
