import assert from 'node:assert/strict';
import { test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { createPlanSaver } from '../../renderer/src/integrations/optimizely/plan-saver.ts';

// The plan editor's save logic, with main replaced by requests the test answers in any order.

interface Request {
  clientId: string;
  plan: string;
  answer: (view: string) => void;
  fail: (error: Error) => void;
}

function harness(delayMs = 10_000) {
  const requests: Request[] = [];
  const shown: Array<[string, string]> = [];
  const errors: unknown[] = [];
  const saver = createPlanSaver<string, string>({
    save: (clientId, plan) =>
      new Promise((answer, fail) => requests.push({ clientId, plan, answer, fail })),
    onView: (clientId, view) => shown.push([clientId, view]),
    onError: (error) => errors.push(error),
    delayMs,
  });
  return { saver, requests, shown, errors };
}

/** Lets queued promise callbacks run. */
const settle = () => sleep(0);
/** The same, without a timer (for a test whose timers are mocked). */
const settleMicrotasks = () => new Promise<void>((resolve) => setImmediate(resolve));

test('typing is saved once, after the delay, with the last draft', async (t) => {
  // The delay runs on a mock clock: a busy machine cannot let it pass before the test looks.
  t.mock.timers.enable({ apis: ['setTimeout'] });
  const { saver, requests } = harness(20);
  saver.schedule('a', 'p1');
  t.mock.timers.tick(15);
  saver.schedule('a', 'p2');
  t.mock.timers.tick(15);
  await settleMicrotasks();
  assert.equal(requests.length, 0, 'nothing is sent while the CSM types');
  assert.equal(saver.unsaved('a'), true);
  t.mock.timers.tick(5);
  await settleMicrotasks();
  assert.deepEqual(
    requests.map((r) => [r.clientId, r.plan]),
    [['a', 'p2']],
  );
});

test('opening another client within the delay sends the first client’s draft at once', async () => {
  const { saver, requests } = harness();
  saver.schedule('a', 'a-draft');
  saver.schedule('b', 'b-draft');
  await settle();
  assert.deepEqual(
    requests.map((r) => [r.clientId, r.plan]),
    [['a', 'a-draft']],
  );
  assert.equal(saver.unsaved('a'), true, 'on its way');
  assert.equal(saver.unsaved('b'), true, 'still waiting');
  requests[0]?.answer('view-a');
  const done = saver.flush();
  await settle();
  assert.deepEqual(
    requests.map((r) => r.plan),
    ['a-draft', 'b-draft'],
  );
  requests[1]?.answer('view-b');
  await done;
});

test('leaving the page (flush) sends the pending draft without waiting for the delay', async () => {
  const { saver, requests, shown } = harness();
  saver.schedule('a', 'last keystroke');
  const done = saver.flush();
  await settle();
  assert.equal(requests[0]?.plan, 'last keystroke');
  requests[0]?.answer('view');
  await done;
  assert.deepEqual(shown, [['a', 'view']]);
  assert.equal(saver.unsaved('a'), false);
});

test('saves go one at a time, in order: the newest draft is stored last', async () => {
  const { saver, requests, shown } = harness();
  saver.schedule('a', 'older');
  void saver.flush();
  saver.schedule('a', 'newer');
  const done = saver.flush();
  await settle();
  assert.equal(requests.length, 1, 'the newer save waits for the older one');
  requests[0]?.answer('view of older');
  await settle();
  assert.equal(requests[1]?.plan, 'newer');
  requests[1]?.answer('view of newer');
  await done;
  assert.deepEqual(
    shown.map(([, v]) => v),
    ['view of older', 'view of newer'],
  );
});

test('a load answered after a later save does not replace the newer view', async () => {
  const { saver, requests, shown } = harness();
  const loadTicket = saver.ticket();
  saver.schedule('a', 'typed');
  const done = saver.flush();
  await settle();
  requests[0]?.answer('view after save');
  await done;
  assert.deepEqual(shown, [['a', 'view after save']]);
  assert.equal(saver.isLatest('a', loadTicket), false, 'the older load is ignored');
  assert.equal(saver.isLatest('b', saver.ticket()), true, 'each client keeps its own order');
});

test('a failed save is reported and the draft no longer counts as on its way', async () => {
  const { saver, requests, errors, shown } = harness();
  saver.schedule('a', 'draft');
  const done = saver.flush();
  await settle();
  requests[0]?.fail(new Error('disk full'));
  await done;
  assert.equal(errors.length, 1);
  assert.deepEqual(shown, []);
  assert.equal(saver.unsaved('a'), false);
});
