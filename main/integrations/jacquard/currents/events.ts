import { setImmediate as nextTurn } from 'node:timers/promises';
import type { Readable } from 'node:stream';
import avro from 'avsc';
import { AvroContainerReader } from './avro-container.ts';
import { AVRO_LIMITS } from './avro-limits.ts';
import { AvroRefusal } from './avro-refusal.ts';
import { writerType } from './avro-schema.ts';
import { avroDecoders } from './codecs.ts';
import { releaseOwned } from './owned-buffer.ts';

/** The fields read from each event; the rest of the record is skipped, not built. */
const FIELDS = ['id', 'email_address', 'external_user_id', 'user_id'] as const;

export type Projected = Partial<Record<(typeof FIELDS)[number], string | null>>;

/**
 * What reading may still cost, shared by every file of one sample and drawn down as it is spent:
 * events decoded (duplicates included) and bytes handled (received, plus produced by a codec).
 */
export interface DecodeBudget {
  events: number;
  bytes: number;
}

export interface DecodeOptions {
  /** Called with each event; returning false stops the file. */
  each(event: Projected): boolean;
  onCodec?(codec: string): void;
  /** The object's size when the server gave it: declared lengths are then held to what is left. */
  size?: number;
  budget?: DecodeBudget;
}

interface EventReader {
  reader: avro.Type;
  resolver: avro.Resolver;
}

/** Readers already built, by writer schema (a Current writes one schema per event type). */
const readers = new Map<string, EventReader>();
const MAX_READERS = 32;
/** Events decoded between two turns of the event loop, so that timers and cancels get a turn. */
const EVENTS_PER_TURN = 2_048;

/**
 * A record of only the wanted fields, under the writer's own name so avsc resolves one into the
 * other: the decoder then builds these four fields and skips the rest of each event in one pass.
 */
function readerFor(schema: string): EventReader {
  const known = readers.get(schema);
  if (known) return known;
  const writer = writerType(schema, FIELDS);
  const fields = writer.fields
    .filter((f) => (FIELDS as readonly string[]).includes(f.name))
    .map((f) => ({ name: f.name, type: f.type.schema() }));
  let made: EventReader;
  try {
    const reader = avro.Type.forSchema({ type: 'record', name: writer.name ?? 'Event', fields });
    made = { reader, resolver: reader.createResolver(writer) };
  } catch {
    throw new AvroRefusal('schemaInvalid');
  }
  if (readers.size >= MAX_READERS) readers.clear();
  readers.set(schema, made);
  return made;
}

/** Decodes the next event; one that runs past its block, or cannot be read, is refused. */
function decodeAt(
  events: EventReader,
  data: Buffer,
  pos: number,
): { value: Projected; offset: number } {
  let decoded: { value: unknown; offset: number };
  try {
    decoded = events.reader.decode(data, pos, events.resolver);
  } catch (error) {
    throw error instanceof AvroRefusal ? error : new AvroRefusal('corrupt');
  }
  if (decoded.offset < 0) throw new AvroRefusal('corrupt');
  return { value: decoded.value as Projected, offset: decoded.offset };
}

/**
 * Streams one Avro container file, handing each event (projected to FIELDS) to `each`, until the
 * file ends (true), `each` returns false or the budget runs out (false). A file that is not
 * readable Avro, or declares more than it holds or than the limits allow, rejects with an
 * AvroRefusal saying why; a failing body rejects with its own error.
 */
export async function decodeEvents(body: Readable, options: DecodeOptions): Promise<boolean> {
  const budget = options.budget ?? { events: Infinity, bytes: Infinity };
  const file = new AvroContainerReader(body, {
    ...(options.size === undefined ? {} : { size: options.size }),
    onBytes: (n) => (budget.bytes -= n),
  });
  try {
    const header = await file.header();
    // Own keys only: a codec named `constructor` must not find Object's.
    const codec = Object.hasOwn(avroDecoders, header.codec)
      ? avroDecoders[header.codec]
      : undefined;
    if (!codec) throw new AvroRefusal('unknownCodec', { codec: header.codec });
    const events = readerFor(header.schema);
    options.onCodec?.(header.codec);
    let sinceTurn = 0;
    for (;;) {
      if (await file.ended()) return true;
      if (budget.events <= 0 || budget.bytes <= 0) return false;
      const block = await file.block();
      if (!block) return true;
      let data: Buffer | null = null;
      try {
        data = codec(block.data, AVRO_LIMITS.blockBytes);
        if (data !== block.data) budget.bytes -= data.length;
        // Every event takes a byte at least (the schema check sees to it).
        if (block.count > data.length) {
          throw new AvroRefusal('countTooLarge', { count: block.count, bytes: data.length });
        }
        let pos = 0;
        for (let i = 0; i < block.count; i++) {
          if (budget.events <= 0) return false;
          const event = decodeAt(events, data, pos);
          pos = event.offset;
          budget.events--;
          if (!options.each(event.value)) return false;
          if (++sinceTurn === EVENTS_PER_TURN) {
            sinceTurn = 0;
            await nextTurn();
          }
        }
        // A block holds its events and nothing else.
        if (pos !== data.length) throw new AvroRefusal('corrupt');
      } finally {
        // Events hold strings copied out of the block, never views of it.
        if (data && data !== block.data) releaseOwned(data);
        if (block.copied) releaseOwned(block.data);
      }
    }
  } finally {
    // A body closed before its end may still report the hang-up; nobody reads it any more.
    body.on('error', () => undefined);
    body.destroy();
  }
}
