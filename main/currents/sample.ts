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

/**
 * A reader of only the wanted fields, resolved against the file's own schema. With `noDecode`
 * the decoder hands over whole encoded records, concatenated in byte mode; this walks a chunk.
 */
function projection(
  writer: avro.Type,
): (chunk: Buffer, each: (event: Projected) => boolean) => void {
  const record = writer as avro.types.RecordType;
  const fields = (record.fields ?? [])
    .filter((f) => (FIELDS as readonly string[]).includes(f.name))
    .map((f) => ({ name: f.name, type: f.type.schema() }));
  const reader = avro.Type.forSchema({ type: 'record', name: writer.name ?? 'Event', fields });
  const resolver = reader.createResolver(writer);
  return (chunk, each) => {
    let pos = 0;
    while (pos < chunk.length) {
      const decoded: { value: Projected; offset: number } = reader.decode(chunk, pos, resolver);
      if (decoded.offset < 0) throw new Error('truncated Avro record');
      pos = decoded.offset;
      if (!each(decoded.value)) return;
    }
  };
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
  const decoder = new avro.streams.BlockDecoder({ codecs: avroDecoders, noDecode: true });
  let read: ReturnType<typeof projection> | null = null;
  let going = true;
  const guarded = (event: Projected) => (going = each(event));
  decoder.on('metadata', (type: avro.Type, codec: string) => {
    onCodec(codec);
    read = projection(type);
  });
  body.on('error', (err) => decoder.destroy(err));
  body.pipe(decoder);
  try {
    for await (const chunk of decoder as AsyncIterable<Buffer>) {
      read!(chunk, guarded);
      if (!going) return false;
    }
    return true;
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

  const readFile = async (key: string): Promise<void> => {
    if (stats.events >= options.maxEvents) return;
    const got = await s3.call((c, o) =>
      c.send(new GetObjectCommand({ Bucket: s3.inputs.bucket, Key: key }), o),
    );
    const body = got.Body as Readable | undefined;
    if (!body) return;
    const complete = await decodeEvents(
      body,
      (event) => {
        if (stats.events >= options.maxEvents) return false;
        tally(event);
        return true;
      },
      (codec) => codecs.add(codec),
    );
    if (!complete) stats.truncated = true;
    stats.files++;
  };

  await mapLimit(files, 2, options.signal, async ({ key }) => {
    try {
      await readFile(key);
    } catch (error) {
      options.signal.throwIfAborted();
      // A file that vanished or does not decode is counted, not fatal; an S3 refusal is.
      if (s3ErrorCode(error) === 'AccessDenied') throw error;
      stats.unreadable++;
    }
    options.progress(++done, files.length, 'events');
  });
  stats.codecs = [...codecs].sort();
  return stats;
}
