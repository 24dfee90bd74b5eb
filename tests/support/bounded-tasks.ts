/**
 * Runs tasks as they are produced, at most `limit` at once: `add` waits while the limit is reached,
 * so a producer of thousands of tasks never holds more than `limit` of them. The first failure is
 * thrown by the next `add` or by `settled`.
 */
export function boundedTasks(limit: number) {
  const running = new Set<Promise<void>>();
  const failures: unknown[] = [];
  const throwFirstFailure = () => {
    if (failures.length > 0) throw failures[0];
  };
  return {
    async add(task: () => Promise<void>): Promise<void> {
      const run: Promise<void> = task()
        .catch((error: unknown) => {
          failures.push(error);
        })
        .finally(() => running.delete(run));
      running.add(run);
      if (running.size >= limit) await Promise.race(running);
      throwFirstFailure();
    },
    async settled(): Promise<void> {
      await Promise.all(running);
      throwFirstFailure();
    },
  };
}
