// Saves one client over and over, as fast as the store allows, so a test can SIGKILL it mid-save.
// argv: <home> <clientId>. Starts when a line arrives on stdin (so the test can start the next
// writer while it checks the last one); prints each counter value once its save has returned.
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { ClientStore } from '../../main/store/client-store.ts';

export const counterInput = 'crash.counter';
export const payloadInput = 'crash.payload';

/** The large input that goes with a counter: a torn write would not match it. */
export const payloadFor = (counter: number): string =>
  (counter % 2 ? 'odd-' : 'even-').repeat(8_000) + String(counter);

if (import.meta.main) {
  const [home, clientId] = process.argv.slice(2) as [string, string];
  await once(createInterface({ input: process.stdin }), 'line');
  const store = await ClientStore.open(home);
  for (;;) {
    const next = Number(store.get(clientId).inputs[counterInput] ?? '0') + 1;
    await store.update(clientId, (c) => {
      c.inputs[counterInput] = String(next);
      c.inputs[payloadInput] = payloadFor(next);
    });
    process.stdout.write(`${next}\n`);
  }
}
