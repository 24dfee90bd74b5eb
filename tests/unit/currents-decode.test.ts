import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { test } from 'node:test';
import { deflateRawSync } from 'node:zlib';
import { AVRO_LIMITS } from '../../main/integrations/jacquard/currents/avro-limits.ts';
import { AvroRefusal } from '../../main/integrations/jacquard/currents/avro-refusal.ts';
import { avroDecoders } from '../../main/integrations/jacquard/currents/codecs.ts';
import { decodeEvents, type Projected } from '../../main/integrations/jacquard/currents/events.ts';
import { EMAIL_CLICK } from '../../main/integrations/jacquard/currents/keys.ts';
import { snappyBlock } from '../support/avro-bombs.ts';
import { samplesDir, writeCurrentsLayout } from '../support/currents-layout.ts';
import { tempDir } from '../support/temp-dir.ts';

// decodeEvents reads the writer's schema from the header before decoding, so it must cope with
// bodies cut anywhere: in the header, between blocks, in a block.

const clickFile = () => readFile(join(samplesDir, 'users.messages.email.Click.avro'));

/** The bytes as a stream of `size`-byte chunks, as a network body arrives. */
const chunked = (bytes: Buffer, size: number) =>
  Readable.from(
    Array.from({ length: Math.ceil(bytes.length / size) }, (_, i) =>
      bytes.subarray(i * size, (i + 1) * size),
    ),
  );

async function decodeAll(body: Readable): Promise<{ events: Projected[]; codecs: string[] }> {
  const events: Projected[] = [];
  const codecs: string[] = [];
  await decodeEvents(body, {
    each: (e) => {
      events.push(e);
      return true;
    },
    onCodec: (c) => codecs.push(c),
  });
  return { events, codecs };
}

void test('the official Email Click sample decodes to its id, email and user ids, however it is chunked', async () => {
  const bytes = await clickFile();
  const whole = await decodeAll(chunked(bytes, bytes.length));
  assert.equal(whole.events.length, 1);
  assert.deepEqual(Object.keys(whole.events[0]!).sort(), [
    'email_address',
    'external_user_id',
    'id',
    'user_id',
  ]);
  assert.equal(typeof whole.events[0]!.id, 'string');
  assert.deepEqual(whole.codecs, ['null']);
  for (const size of [1, 7, 100]) {
    assert.deepEqual((await decodeAll(chunked(bytes, size))).events, whole.events);
  }
});

void test('bytes that are not an Avro file, or end inside its header, are rejected', async () => {
  const bytes = await clickFile();
  await assert.rejects(decodeAll(Readable.from([Buffer.from('<html>not avro</html>')])));
  await assert.rejects(decodeAll(Readable.from([Buffer.from('Obj\x01 but nothing after')])));
  await assert.rejects(decodeAll(chunked(bytes.subarray(0, 40), 8)));
  await assert.rejects(decodeAll(Readable.from([])));
});

void test('a body that fails mid-way rejects instead of hanging', async () => {
  const bytes = await clickFile();
  const failing = new Readable({
    read() {
      this.push(bytes.subarray(0, 20));
      this.destroy(new Error('connection reset'));
    },
  });
  await assert.rejects(decodeAll(failing), /connection reset/);
});

void test('every event of a multi-block file is read; returning false stops the file early', async (t) => {
  const dir = await tempDir(t);
  for (const codec of ['null', 'deflate', 'snappy'] as const) {
    const layout = await writeCurrentsLayout(dir, {
      folder: codec,
      batches: [{ type: EMAIL_CLICK, hoursAgo: 0, files: 1, eventsPerFile: 3_000, codec }],
    });
    const bytes = await readFile(join(dir, layout.keys[0]!));
    const { events, codecs } = await decodeAll(chunked(bytes, 16_384));
    assert.equal(events.length, 3_000);
    assert.equal(new Set(events.map((e) => e.id)).size, 3_000);
    assert.deepEqual(codecs, [codec]);

    const body = chunked(bytes, 16_384);
    let seen = 0;
    assert.equal(await decodeEvents(body, { each: () => ++seen < 10 }), false);
    assert.equal(seen, 10);
    assert.equal(body.destroyed, true);

    // A budget of exactly the file's events reads it whole; one event less stops it.
    const read = (events: number) =>
      decodeEvents(chunked(bytes, 16_384), {
        each: () => true,
        budget: { events, bytes: Number.MAX_SAFE_INTEGER },
      });
    assert.equal(await read(3_000), true);
    assert.equal(await read(2_999), false);
  }
});

void test('a deflate or snappy block that decompresses past the block limit is refused, not held in memory', () => {
  const limit = AVRO_LIMITS.blockBytes;
  const plain = Buffer.alloc(limit + 1);
  for (const [codec, encode] of [
    ['deflate', (b: Buffer) => deflateRawSync(b)],
    ['snappy', snappyBlock],
  ] as const) {
    assert.throws(
      () => avroDecoders[codec]!(encode(plain), limit),
      (error) => error instanceof AvroRefusal && error.problem === 'blockTooLarge',
      codec,
    );
    assert.equal(avroDecoders[codec]!(encode(Buffer.from('a block')), limit).toString(), 'a block');
  }
});
