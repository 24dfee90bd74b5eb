import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import avro from 'avsc';
import { AVRO_LIMITS } from '../../main/integrations/jacquard/currents/avro-limits.ts';
import type { AvroProblem } from '../../main/integrations/jacquard/currents/avro-refusal.ts';
import { avroEncoders } from '../../main/integrations/jacquard/currents/codecs.ts';
import { EMAIL_CLICK } from '../../main/integrations/jacquard/currents/keys.ts';
import { samplesDir } from './currents-layout.ts';

/**
 * Avro files built to cost a reader time or memory: lengths and counts that lie, blocks that
 * inflate a thousandfold, schemas too deep or that refer to themselves. Their bytes are written
 * here by hand on purpose (no Avro writer produces them); the valid parts use avsc's own encoding.
 */

/** Valid Avro that only runs long: which of the sample's budgets ends it. */
export type BudgetLimit = 'eventBudget' | 'byteBudget';

export interface AvroBomb {
  name: string;
  bytes: Buffer;
  /** Why the audit must refuse the file, or the budget that must stop it. */
  expect: AvroProblem | BudgetLimit;
}

export const stopsAtBudget = (expect: AvroBomb['expect']): expect is BudgetLimit =>
  expect === 'eventBudget' || expect === 'byteBudget';

/**
 * The most one file may cost however it lies, in bytes received or decompressed: its header, and
 * one block stored and decompressed, read in chunks of up to 64 KB.
 */
export const MOST_BYTES_PER_FILE =
  AVRO_LIMITS.headerBytes + 2 * AVRO_LIMITS.blockBytes + 2 * 64 * 1024;

const MiB = 1024 * 1024;
const LONG = avro.Type.forSchema('long');
const HEADER = avro.Type.forSchema({
  type: 'record',
  name: 'org.apache.avro.file.Header',
  fields: [
    { name: 'magic', type: { type: 'fixed', name: 'Magic', size: 4 } },
    { name: 'meta', type: { type: 'map', values: 'bytes' } },
    { name: 'sync', type: { type: 'fixed', name: 'Sync', size: 16 } },
  ],
});
const MAGIC = Buffer.from('Obj\x01', 'latin1');
const SYNC = Buffer.alloc(16, 0xa7);

const long = (n: number): Buffer => LONG.toBuffer(n);
const text = (s: string): Buffer => Buffer.concat([long(Buffer.byteLength(s)), Buffer.from(s)]);

function header(schema: string | object, meta: Record<string, Buffer> = {}): Buffer {
  return HEADER.toBuffer({
    magic: MAGIC,
    meta: {
      'avro.schema': Buffer.from(typeof schema === 'string' ? schema : JSON.stringify(schema)),
      ...meta,
    },
    sync: SYNC,
  });
}

const codec = (name: string) => ({ 'avro.codec': Buffer.from(name) });
const block = (count: number, data: Buffer, sync = SYNC) =>
  Buffer.concat([long(count), long(data.length), data, sync]);

/** A snappy block as Avro frames it (the compressed bytes, then the CRC32 of the plain bytes). */
export function snappyBlock(plain: Buffer): Buffer {
  let framed: Buffer | undefined;
  avroEncoders.snappy!(plain, (err, data) => {
    if (err) throw err;
    framed = data;
  });
  if (!framed) throw new Error('the snappy encoder did not answer at once');
  return framed;
}

/** Three zero bytes make one event of this schema: an empty id, an empty address, time 0. */
const TINY = {
  type: 'record',
  name: 'Click',
  namespace: 'dataexport.S3.inner.users.messages.email',
  fields: [
    { name: 'id', type: 'string' },
    { name: 'email_address', type: 'string' },
    { name: 'time', type: 'int' },
  ],
};

/** Braze's Email Click schema and one event of it, from the official sample. */
async function emailClick(): Promise<{
  schema: string;
  type: avro.Type;
  record: Record<string, unknown>;
  event: Buffer;
}> {
  const decoder = avro.createFileDecoder(join(samplesDir, `${EMAIL_CLICK}.avro`));
  let schema: string | null = null;
  let type: avro.Type | null = null;
  decoder.on('metadata', (t: avro.Type, _codec: string, head: { meta: Record<string, Buffer> }) => {
    type = t;
    schema = head.meta['avro.schema']?.toString() ?? null;
  });
  let record: Record<string, unknown> | null = null;
  for await (const r of decoder as AsyncIterable<Record<string, unknown>>) record ??= r;
  if (!schema || !type || !record) throw new Error('no schema or event in the Email Click sample');
  const clickType: avro.Type = type;
  return { schema, type: clickType, record, event: clickType.toBuffer(record) };
}

/** `levels` records, each the only field of the one above it. */
function deepSchema(levels: number): object {
  let inner: object = { type: 'record', name: 'Leaf', fields: [{ name: 'id', type: 'string' }] };
  for (let i = levels; i > 0; i--) {
    inner = { type: 'record', name: `Level${i}`, fields: [{ name: 'next', type: inner }] };
  }
  return {
    type: 'record',
    name: 'Click',
    fields: [
      { name: 'id', type: 'string' },
      { name: 'nested', type: inner },
    ],
  };
}

/** `levels` records, each with `fanOut` fields of the record below it (named once, used again). */
function fanOutSchema(levels: number, fanOut: number): object {
  const fields = (level: number): object[] =>
    Array.from({ length: fanOut }, (_, i) => ({
      name: `f${i}`,
      type:
        i > 0
          ? `Level${level}`
          : {
              type: 'record',
              name: `Level${level}`,
              fields: level === levels ? [{ name: 'id', type: 'string' }] : fields(level + 1),
            },
    }));
  return { ...TINY, fields: [...TINY.fields, ...fields(1)] };
}

export async function avroBombs(): Promise<AvroBomb[]> {
  const click = await emailClick();
  const clickHeader = header(click.schema);
  const zeros = (n: number) => Buffer.alloc(n);

  // The Email Click event up to its last field (the suspected bot click reasons), so that a
  // hand-written value of that field can follow.
  const withoutReasons = click.event.subarray(0, click.event.length - 1);

  return [
    {
      // The report's bomb: 60 KB on the wire, 60 MB inflated, 20,000,000 events declared.
      name: 'a deflate block inflating 1,000-fold and declaring 20,000,000 events',
      bytes: Buffer.concat([
        header(TINY, codec('deflate')),
        block(20_000_000, deflateRawSync(zeros(60 * MiB))),
      ]),
      expect: 'blockTooLarge',
    },
    {
      name: 'a snappy block inflating 20-fold to 60 MB',
      bytes: Buffer.concat([
        header(TINY, codec('snappy')),
        block(20_000_000, snappyBlock(zeros(60 * MiB))),
      ]),
      expect: 'blockTooLarge',
    },
    {
      name: 'a snappy block whose preamble claims 2 GB',
      bytes: Buffer.concat([
        header(TINY, codec('snappy')),
        // Snappy's preamble is the plain length as an unsigned varint: here 2^31.
        block(1, Buffer.concat([Buffer.from([0x80, 0x80, 0x80, 0x80, 0x08]), zeros(12)])),
      ]),
      expect: 'blockTooLarge',
    },
    {
      // Valid Avro: 2,000,000 copies of one event. Only the sample's event budget ends it.
      name: 'a block of 2,000,000 copies of one event',
      bytes: Buffer.concat([
        header(TINY, codec('deflate')),
        block(2_000_000, deflateRawSync(zeros(6 * MiB))),
      ]),
      expect: 'eventBudget',
    },
    {
      // Valid Avro too, every block within the limits (though Braze drops events over 900 KB):
      // only the byte budget ends it.
      name: '30 deflate blocks of one event each, with a 7 MB link in every one',
      bytes: Buffer.concat([
        header(click.schema, codec('deflate')),
        ...Array<Buffer>(30).fill(
          block(
            1,
            deflateRawSync(click.type.toBuffer({ ...click.record, url: 'x'.repeat(7 * MiB) })),
          ),
        ),
      ]),
      expect: 'byteBudget',
    },
    {
      name: 'a header field claiming 2 GB',
      bytes: Buffer.concat([
        MAGIC,
        long(1),
        text('avro.schema'),
        long(2 ** 31),
        Buffer.alloc(2 * MiB, 0x7b),
      ]),
      expect: 'lengthBeyondEnd',
    },
    {
      name: 'a metadata map declaring 1,000,000,000 entries',
      bytes: Buffer.concat([
        MAGIC,
        long(1_000_000_000),
        text('avro.schema'),
        text(JSON.stringify(TINY)),
        zeros(64),
      ]),
      expect: 'metadataCount',
    },
    {
      name: 'a metadata key claiming 1 TB',
      bytes: Buffer.concat([MAGIC, long(1), long(2 ** 40), zeros(1024)]),
      expect: 'lengthBeyondEnd',
    },
    {
      name: 'a header of 16 MB of metadata',
      bytes: Buffer.concat([
        header(click.schema, { 'braze.padding': Buffer.alloc(16 * MiB, 0x20) }),
      ]),
      expect: 'headerTooLarge',
    },
    {
      name: 'a block claiming 1 TB',
      bytes: Buffer.concat([clickHeader, long(1), long(2 ** 40), click.event, SYNC]),
      expect: 'lengthBeyondEnd',
    },
    {
      name: 'a block of 20 MB',
      bytes: Buffer.concat([clickHeader, block(1, Buffer.concat([click.event, zeros(20 * MiB)]))]),
      expect: 'blockTooLarge',
    },
    {
      name: 'a block declaring 2^50 events in 650 bytes',
      bytes: Buffer.concat([clickHeader, block(2 ** 50, click.event)]),
      expect: 'countTooLarge',
    },
    {
      name: 'an event whose list field declares 2^50 items',
      bytes: Buffer.concat([
        clickHeader,
        block(1, Buffer.concat([withoutReasons, long(1), long(2 ** 50), text('bot')])),
      ]),
      expect: 'corrupt',
    },
    {
      name: 'an event whose id claims 2 GB',
      bytes: Buffer.concat([clickHeader, block(1, Buffer.concat([long(2 ** 31), click.event]))]),
      expect: 'corrupt',
    },
    {
      name: 'a block with bytes its events do not use',
      bytes: Buffer.concat([clickHeader, block(1, Buffer.concat([click.event, zeros(4096)]))]),
      expect: 'corrupt',
    },
    {
      name: 'a schema nested 40 records deep',
      bytes: Buffer.concat([header(deepSchema(40)), block(1, zeros(2))]),
      expect: 'schemaTooLarge',
    },
    {
      // 3 KB of JSON, a million fields once each use of a type is expanded.
      name: 'a schema of six records each used ten times by the one above',
      bytes: Buffer.concat([header(fanOutSchema(6, 10)), block(1, zeros(3))]),
      expect: 'schemaTooLarge',
    },
    {
      name: 'a schema of 5,000 fields',
      bytes: Buffer.concat([
        header({
          ...TINY,
          fields: [
            ...TINY.fields,
            ...Array.from({ length: 5_000 }, (_, i) => ({ name: `f${i}`, type: 'null' })),
          ],
        }),
        block(1, zeros(3)),
      ]),
      expect: 'schemaTooLarge',
    },
    {
      // Each level is two bytes (an empty id, then the union branch that holds the next level).
      name: 'a schema that refers to itself, with an event nested 2,000,000 levels deep',
      bytes: Buffer.concat([
        header({
          type: 'record',
          name: 'Click',
          fields: [
            { name: 'id', type: 'string' },
            { name: 'next', type: ['null', 'Click'] },
          ],
        }),
        block(1, Buffer.concat([Buffer.alloc(4 * MiB, Buffer.from([0x00, 0x02])), zeros(2)])),
      ]),
      expect: 'schemaUnsupported',
    },
    {
      name: 'events of no bytes at all, 2^50 of them',
      bytes: Buffer.concat([
        header({ type: 'record', name: 'Click', fields: [{ name: 'id', type: 'null' }] }),
        block(2 ** 50, Buffer.alloc(0)),
      ]),
      expect: 'schemaUnsupported',
    },
    {
      name: 'a list of 2^50 empty values',
      bytes: Buffer.concat([
        header({
          ...TINY,
          fields: [...TINY.fields, { name: 'nothing', type: { type: 'array', items: 'null' } }],
        }),
        block(1, Buffer.concat([zeros(3), long(2 ** 50), zeros(1)])),
      ]),
      expect: 'schemaUnsupported',
    },
    {
      name: 'a codec no Avro reader knows',
      bytes: Buffer.concat([header(TINY, codec('x'.repeat(5_000))), block(1, zeros(3))]),
      expect: 'unknownCodec',
    },
    {
      name: 'a codec named after a property every object has',
      bytes: Buffer.concat([header(TINY, codec('constructor')), block(1, zeros(3))]),
      expect: 'unknownCodec',
    },
    {
      name: 'a schema that is not JSON',
      bytes: Buffer.concat([header('{"type": "record", "fields": ['), block(1, zeros(3))]),
      expect: 'schemaInvalid',
    },
    {
      name: 'a block followed by a foreign sync marker',
      bytes: Buffer.concat([clickHeader, block(1, click.event, Buffer.alloc(16, 0x11))]),
      expect: 'syncMismatch',
    },
    {
      name: 'a file cut inside its first block',
      bytes: Buffer.concat([clickHeader, block(1, click.event)]).subarray(
        0,
        clickHeader.length + 300,
      ),
      expect: 'lengthBeyondEnd',
    },
    {
      name: 'a file cut inside its sync marker',
      bytes: Buffer.concat([clickHeader, block(1, click.event)]).subarray(0, -5),
      expect: 'truncated',
    },
    {
      name: 'bytes that are not Avro',
      bytes: Buffer.from('<html><body>Access denied</body></html>'),
      expect: 'notAvro',
    },
  ];
}
