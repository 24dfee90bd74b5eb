import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { before, describe, test } from 'node:test';
import { SAMPLE_BYTES, SAMPLE_EVENTS } from '../../main/integrations/jacquard/currents/audit.ts';
import { AvroRefusal } from '../../main/integrations/jacquard/currents/avro-refusal.ts';
import {
  decodeEvents,
  type DecodeBudget,
} from '../../main/integrations/jacquard/currents/events.ts';
import { EMAIL_CLICK } from '../../main/integrations/jacquard/currents/keys.ts';
import {
  avroBombs,
  MOST_BYTES_PER_FILE,
  stopsAtBudget,
  type AvroBomb,
} from '../support/avro-bombs.ts';
import { writeCurrentsLayout } from '../support/currents-layout.ts';
import { tempDir } from '../support/temp-dir.ts';

// Each file built to cost a reader without bound is refused, or stopped by the sample's budget,
// after work that does not grow with what the file declares. Work is counted (bytes received or
// decompressed, events decoded), never timed.

/** As an S3 body arrives: 64 KB chunks. */
const CHUNK = 64 * 1024;
const asBody = (bytes: Buffer) =>
  Readable.from(
    (function* () {
      for (let at = 0; at < bytes.length; at += CHUNK) yield bytes.subarray(at, at + CHUNK);
    })(),
  );

interface Read {
  outcome: 'ended' | 'stopped' | AvroRefusal;
  events: number;
  spent: DecodeBudget;
}

async function read(bomb: AvroBomb, size: number | undefined): Promise<Read> {
  const budget = { events: SAMPLE_EVENTS, bytes: SAMPLE_BYTES };
  let events = 0;
  let outcome: Read['outcome'];
  try {
    const complete = await decodeEvents(asBody(bomb.bytes), {
      each: () => ++events > 0,
      ...(size === undefined ? {} : { size }),
      budget,
    });
    outcome = complete ? 'ended' : 'stopped';
  } catch (error) {
    if (!(error instanceof AvroRefusal)) throw error;
    outcome = error;
  }
  const spent = { events: SAMPLE_EVENTS - budget.events, bytes: SAMPLE_BYTES - budget.bytes };
  return { outcome, events, spent };
}

void describe('Avro files built to exhaust the audit', () => {
  let bombs: AvroBomb[];
  before(async () => {
    bombs = await avroBombs();
  });

  void test('each is refused with its reason, or stopped by the sample budget, at bounded cost', async () => {
    for (const bomb of bombs) {
      // S3 says an object's size: the audit holds declared lengths to it.
      const { outcome, events, spent } = await read(bomb, bomb.bytes.length);
      if (stopsAtBudget(bomb.expect)) {
        assert.equal(outcome, 'stopped', bomb.name);
        if (bomb.expect === 'eventBudget') assert.equal(events, SAMPLE_EVENTS, bomb.name);
        else assert.ok(spent.bytes >= SAMPLE_BYTES && events < SAMPLE_EVENTS, bomb.name);
        // Spent: the budget, and at most one more block.
        assert.ok(spent.bytes <= SAMPLE_BYTES + MOST_BYTES_PER_FILE, bomb.name);
      } else {
        assert.ok(outcome instanceof AvroRefusal, `${bomb.name}: ${String(outcome)}`);
        assert.equal(outcome.problem, bomb.expect, bomb.name);
        assert.ok(events <= 1, `${bomb.name}: ${events} events`);
        assert.ok(spent.bytes <= MOST_BYTES_PER_FILE, `${bomb.name}: ${spent.bytes} bytes handled`);
      }
      assert.ok(spent.events <= SAMPLE_EVENTS, bomb.name);
    }
  });

  void test('a length beyond the end of the file is refused before the bytes after it are read', async () => {
    const bomb = bombs.find((b) => b.name === 'a header field claiming 2 GB')!;
    const { outcome, spent } = await read(bomb, bomb.bytes.length);
    assert.ok(outcome instanceof AvroRefusal);
    assert.deepEqual(outcome.params, { declared: 2 ** 31, remaining: bomb.bytes.length - 22 });
    assert.equal(spent.bytes, CHUNK, 'one chunk read of a 2 MB file');
  });

  void test('without the object size, lies still cost no more than the limits allow', async () => {
    for (const bomb of bombs) {
      const { outcome, spent } = await read(bomb, undefined);
      if (stopsAtBudget(bomb.expect)) {
        assert.equal(outcome, 'stopped', bomb.name);
        assert.ok(spent.bytes <= SAMPLE_BYTES + MOST_BYTES_PER_FILE, bomb.name);
      } else {
        assert.ok(outcome instanceof AvroRefusal, `${bomb.name}: ${String(outcome)}`);
        assert.ok(spent.bytes <= MOST_BYTES_PER_FILE, `${bomb.name}: ${spent.bytes} bytes handled`);
      }
    }
  });

  void test('the byte budget stops a valid file between its blocks', async (t) => {
    const dir = await tempDir(t);
    const layout = await writeCurrentsLayout(dir, {
      folder: 'blocks',
      batches: [{ type: EMAIL_CLICK, hoursAgo: 0, files: 1, eventsPerFile: 3_000 }],
    });
    const bytes = await readFile(join(dir, layout.keys[0]!));
    const budget = { events: SAMPLE_EVENTS, bytes: 100_000 };
    let events = 0;
    const complete = await decodeEvents(asBody(bytes), { each: () => ++events > 0, budget });
    assert.equal(complete, false);
    assert.ok(events > 0 && events < 3_000, `${events} events`);
    assert.ok(budget.bytes <= 0);
  });
});
