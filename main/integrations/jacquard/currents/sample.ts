import { once } from 'node:events';
import type { Readable } from 'node:stream';
import { GetObjectCommand } from '@aws-sdk/client-s3';
import avro from 'avsc';
import type { JacquardS3 } from '../s3/client.ts';
import { s3ErrorCode } from '../s3/errors.ts';
import { avroDecoders } from './codecs.ts';
import { mapLimit } from './pool.ts';

/**
 * Reads a bounded sample of the newest Email Click files as streams and tallies what the PII and
 * anonymous-users checks need. Only counts leave this module: never an address or an id.
 */

/** The fields read from each event; the rest of the record is skipped, not built. */
const FIELDS = ['id', 'email_address', 'external_user_id', 'user_id'] as const;
const SHA256_HEX = /^[0-9a-f]{64}$/i;

export interface SampleStats {
  files: number;
  /** Distinct events (by `id`; Currents delivers at least once). */
  events: number;
  duplicates: number;
  email: { real: number; redacted: number; hashed: number; empty: number; other: number };
  externalUserId: { present: number; absent: number };
  userId: { present: number };
  codecs: string[];
  /** Files that could not be read or decoded. */
  unreadable: number;
  /**
   * S3 refused to hand over a file (the keys lack s3:GetObject): the sample stopped there. The
   * listings, and so delivery and event types, do not need it; the PII and anonymous checks do.
   * Absent in audits saved before it was recorded.
   */
  readDenied?: boolean;
  /** The event budget ran out before the last file ended. */
  truncated: boolean;
}

export interface SampleOptions {
  maxEvents: number;
  signal: AbortSignal;
  progress(done: number, total: number, label: string): void;
}

export type Projected = Partial<Record<(typeof FIELDS)[number], string | null>>;

function emailKind(value: string | null | undefined): keyof SampleStats['email'] {
  if (value === null || value === undefined || value.trim() === '') return 'empty';
  if (value === '[REDACTED]') return 'redacted';
  if (SHA256_HEX.test(value)) return 'hashed';
  return value.includes('@') ? 'real' : 'other';
}

/** The container header as the Avro specification defines it: the writer's schema comes first. */
const HEADER = avro.Type.forSchema({
  type: 'record',
  name: 'org.apache.avro.file.Header',
  fields: [
    { name: 'magic', type: { type: 'fixed', name: 'Magic', size: 4 } },
    { name: 'meta', type: { type: 'map', values: 'bytes' } },
    { name: 'sync', type: { type: 'fixed', name: 'Sync', size: 16 } },
  ],
});

/** Readers already built, by writer schema (a Current writes one schema per event type). */
const readers = new Map<string, avro.Type>();
const MAX_READERS = 32;

/**
 * A record of only the wanted fields, under the writer's own name so avsc resolves one into the
 * other: the decoder then builds these four fields and skips the rest of each event in one pass.
 */
function readerFor(writerSchema: string): avro.Type {
  let reader = readers.get(writerSchema);
  if (reader) return reader;
  const writer = avro.Type.forSchema(
    JSON.parse(writerSchema) as avro.Schema,
  ) as avro.types.RecordType;
  const fields = (writer.fields ?? [])
    .filter((f) => (FIELDS as readonly string[]).includes(f.name))
    .map((f) => ({ name: f.name, type: f.type.schema() }));
  reader = avro.Type.forSchema({ type: 'record', name: writer.name ?? 'Event', fields });
  if (readers.size >= MAX_READERS) readers.clear();
  readers.set(writerSchema, reader);
  return reader;
}

/**
 * Reads from `body` until the container header is complete and returns the bytes read with the
 * writer's schema (null when the header has none: the decoder then says what is wrong). Bytes
 * that end before a whole header, or cannot be one, are not an Avro file.
 */
async function takeHeader(body: Readable): Promise<{ head: Buffer; schema: string | null }> {
  let head: Buffer = Buffer.alloc(0);
  for (;;) {
    const chunk = body.read() as Buffer | null;
    if (chunk === null) {
      if (body.readableEnded) throw new Error('not an Avro container file: no complete header');
      if (body.destroyed) throw body.errored ?? new Error('the object stream closed early');
      const settled = new AbortController();
      const { signal } = settled;
      try {
        await Promise.race([once(body, 'readable', { signal }), once(body, 'end', { signal })]);
      } finally {
        settled.abort();
      }
      continue;
    }
    head = head.length === 0 ? chunk : Buffer.concat([head, chunk]);
    let decoded: { value: unknown; offset: number };
    try {
      decoded = HEADER.decode(head);
    } catch {
      throw new Error('not an Avro container file: unreadable header');
    }
    if (decoded.offset >= 0) {
      const header = decoded.value as { meta: Record<string, Buffer | undefined> };
      return { head, schema: header.meta['avro.schema']?.toString() ?? null };
    }
  }
}

/**
 * Streams one Avro container file, handing each event (projected to FIELDS) to `each` until it
 * returns false. Resolves true when the file was read to its end.
 */
export async function decodeEvents(
  body: Readable,
  each: (event: Projected) => boolean,
  onCodec: (codec: string) => void = () => undefined,
): Promise<boolean> {
  // An error while the header is read surfaces from takeHeader, later from the decoder.
  body.on('error', () => undefined);
  try {
    const { head, schema } = await takeHeader(body);
    const decoder = new avro.streams.BlockDecoder({
      codecs: avroDecoders,
      ...(schema === null ? {} : { readerSchema: readerFor(schema) }),
    });
    decoder.on('metadata', (_type: avro.Type, codec: string) => onCodec(codec));
    body.on('error', (err) => decoder.destroy(err));
    if (body.readableEnded) {
      decoder.end(head);
    } else {
      decoder.write(head);
      body.pipe(decoder);
    }
    try {
      for await (const event of decoder as AsyncIterable<Projected>) {
        if (!each(event)) return false;
      }
      return true;
    } finally {
      decoder.destroy();
    }
  } finally {
    body.destroy();
  }
}

export async function sampleEvents(
  s3: JacquardS3,
  files: ReadonlyArray<{ key: string }>,
  options: SampleOptions,
): Promise<SampleStats> {
  const stats: SampleStats = {
    files: 0,
    events: 0,
    duplicates: 0,
    email: { real: 0, redacted: 0, hashed: 0, empty: 0, other: 0 },
    externalUserId: { present: 0, absent: 0 },
    userId: { present: 0 },
    codecs: [],
    unreadable: 0,
    truncated: false,
    readDenied: false,
  };
  // Bounded by maxEvents: the set never grows past the budget.
  const seen = new Set<string>();
  const codecs = new Set<string>();
  let done = 0;

  const tally = (event: Projected) => {
    const id = event.id ?? '';
    if (seen.has(id)) {
      stats.duplicates++;
      return;
    }
    seen.add(id);
    stats.events++;
    stats.email[emailKind(event.email_address)]++;
    if (event.external_user_id) stats.externalUserId.present++;
    else stats.externalUserId.absent++;
    if (event.user_id) stats.userId.present++;
  };

  /** Reads one file; `read.events` counts what it tallied, even when it then fails. */
  const readFile = async (key: string, read: { events: number }): Promise<void> => {
    if (stats.events >= options.maxEvents || stats.readDenied) return;
    const got = await s3.call((c, o) =>
      c.send(new GetObjectCommand({ Bucket: s3.inputs.bucket, Key: key }), o),
    );
    const body = got.Body as Readable | undefined;
    if (!body) return;
    const complete = await decodeEvents(
      body,
      (event) => {
        if (stats.events >= options.maxEvents) return false;
        read.events++;
        tally(event);
        return true;
      },
      (codec) => codecs.add(codec),
    );
    if (!complete) stats.truncated = true;
    stats.files++;
  };

  await mapLimit(files, 2, options.signal, async ({ key }) => {
    // A read that failed before its first event (a dropped connection) is tried once more; one
    // that failed midway is not, or its events would count twice.
    for (let attempt = 1; ; attempt++) {
      const read = { events: 0 };
      try {
        await readFile(key, read);
        break;
      } catch (error) {
        options.signal.throwIfAborted();
        // A refusal is the keys', not the file's: the others would be refused too, so reading stops.
        if (s3ErrorCode(error) === 'AccessDenied') {
          stats.readDenied = true;
          break;
        }
        // A file that vanished or does not decode is counted, not fatal.
        if (attempt === 1 && read.events === 0) continue;
        stats.unreadable++;
        break;
      }
    }
    options.progress(++done, files.length, 'events');
  });
  stats.codecs = [...codecs].sort();
  return stats;
}
