import assert from 'node:assert/strict';
import { spawn, type ChildProcessByStdio } from 'node:child_process';
import { once } from 'node:events';
import { readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { bundleFromClient, serializeBundle } from '../../shared/bundle/convert.ts';
import { createI18n } from '../../shared/i18n/index.ts';
import { ClientStore } from '../../main/store/client-store.ts';
import { runCli } from '../support/cli-process.ts';
import { redactingLine } from '../support/import-child.ts';
import { reviewClient } from '../support/review-client.ts';
import { counterInput, payloadFor, payloadInput } from '../support/store-writer-child.ts';
import { tempDir } from '../support/temp-dir.ts';

const child = fileURLToPath(new URL('../support/store-writer-child.ts', import.meta.url));
const importChild = fileURLToPath(new URL('../support/import-child.ts', import.meta.url));
const kills = 200;

interface Writer {
  process: ChildProcessByStdio<Writable, Readable, Readable>;
  stderr: () => string;
}

/** Starts a writer that loads its modules and then waits for the word to go. */
function spawnWriter(home: string, clientId: string): Writer {
  const writer = spawn(process.execPath, [child, home, clientId], {
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stderr = '';
  writer.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return { process: writer, stderr: () => stderr };
}

/**
 * Lets the writer save for a random moment, kills it with SIGKILL, and returns the last counter
 * it reported as saved (read to the end of its output, which outlives the process).
 */
async function killMidSave({ process: writer, stderr }: Writer): Promise<number> {
  const lines = createInterface({ input: writer.stdout });
  let last = -1;
  let started!: () => void;
  const running = new Promise<void>((resolve) => (started = resolve));
  lines.on('line', (line) => {
    last = Number(line);
    started();
  });
  const exited = once(writer, 'exit');
  const closed = once(lines, 'close');
  writer.stdin.write('go\n');
  // Kill only once it is saving in a loop, at a random point of a save (a few ms each).
  await Promise.race([running, exited]);
  assert.notEqual(last, -1, `the writer died before its first save: ${stderr()}`);
  await sleep(Math.random() * 25);
  writer.kill('SIGKILL');
  const [, signal] = (await exited) as [number | null, NodeJS.Signals | null];
  assert.equal(signal, 'SIGKILL', `the writer stopped by itself: ${stderr()}`);
  await closed;
  return last;
}

test(`a store killed mid-save ${kills} times always loads as the previous or the next state`, async (t) => {
  const home = await tempDir(t, 'partner-setup-crash-');
  const seeded = await ClientStore.open(home);
  const { id } = await seeded.create({ name: 'Acme Retail', integrations: ['jacquard'] });

  let previous = 0;
  const outcomes = { previous: 0, next: 0 };
  // The next writer starts up while the current one runs: startup is most of each round.
  let next = spawnWriter(home, id);
  t.after(() => next.process.kill('SIGKILL'));
  for (let i = 0; i < kills; i++) {
    const current = next;
    next = spawnWriter(home, id);
    const reported = await killMidSave(current);
    assert.ok(reported > previous, 'the writer made no progress');

    const store = await ClientStore.open(home);
    assert.equal(store.issue, null, `kill ${i}: the store was unreadable and moved aside`);
    const client = store.get(id);
    const counter = Number(client.inputs[counterInput]);
    // The last save it reported, or the one it was making and had not reported yet.
    assert.ok(
      counter === reported || counter === reported + 1,
      `kill ${i}: counter ${counter}, last reported ${reported}`,
    );
    assert.equal(client.inputs[payloadInput], payloadFor(counter), `kill ${i}: torn state`);
    outcomes[counter === reported ? 'previous' : 'next']++;
    previous = counter;
  }
  t.diagnostic(`kept the previous state ${outcomes.previous}×, the next ${outcomes.next}×`);

  // Nothing a crash leaves behind may block or confuse the next run: one more save must go through.
  const after = await ClientStore.open(home);
  await after.update(id, (c) => void (c.inputs[counterInput] = '0'));
  const leftovers = (await readdir(home)).filter((name) => name !== 'store.json');
  t.diagnostic(`files left by killed writers: ${leftovers.length}`);
});

test('an import killed half-way leaves no client behind, and the same bundle then imports under its name', async (t) => {
  const home = await tempDir(t, 'partner-setup-crash-');
  const bundleFile = join(await tempDir(t), 'acme-retail.json');
  const text = serializeBundle(await bundleFromClient(reviewClient({ name: 'Acme Retail' })));
  await writeFile(bundleFile, text);

  // Killed while the client is built but not saved: where an import used to have saved an empty
  // client already and not yet its inputs, plans and results.
  const importer = spawn(process.execPath, [importChild, home, bundleFile], {
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  t.after(() => importer.kill('SIGKILL'));
  let stderr = '';
  importer.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = once(importer, 'exit');
  const reached = new Promise<boolean>((resolve) => {
    createInterface({ input: importer.stdout }).on('line', (line) => {
      if (line === redactingLine) resolve(true);
    });
    void exited.then(() => resolve(false));
  });
  assert.ok(await reached, `the import ended before it was killed: ${stderr}`);
  importer.kill('SIGKILL');
  await exited;

  assert.deepEqual((await ClientStore.open(home)).list(), [], 'a half-imported client was left');
  const again = await runCli(['import', bundleFile], {
    ...process.env,
    PARTNER_SETUP_HOME: home,
    NO_COLOR: '1',
  });
  assert.equal(again.code, 0, again.stderr);
  const said = createI18n('en').t('reports:cli.imported', { name: 'Acme Retail' });
  assert.equal(again.stdout.trim(), said);
  const [imported, ...others] = (await ClientStore.open(home)).all();
  assert.deepEqual(others, []);
  assert.equal(imported?.inputs['jacquard.s3Folder'], 'acme-retail', 'imported in full');
});
