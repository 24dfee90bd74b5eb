import type { Readable } from 'node:stream';
import { GetObjectCommand } from '@aws-sdk/client-s3';
import type { JacquardS3 } from '../s3/client.ts';
import { s3ErrorCode } from '../s3/errors.ts';
import { AvroRefusal, type AvroProblem, type AvroProblemParams } from './avro-refusal.ts';
import { decodeEvents, type DecodeBudget, type Projected } from './events.ts';
import { mapLimit } from './pool.ts';

/**
 * Reads a bounded sample of the newest Email Click files as streams and tallies what the PII and
 * anonymous-users checks need. Only counts leave this module: never an address or an id.
 */

const SHA256_HEX = /^[0-9a-f]{64}$/i;

/** A file the audit would not read as Avro, and why. */
export interface RefusedFile {
  key: string;
  problem: AvroProblem;
  params: AvroProblemParams;
}

export interface SampleStats {
  files: number;
  /** Distinct events (by `id`; Currents delivers at least once). */
  events: number;
  duplicates: number;
  email: { real: number; redacted: number; hashed: number; empty: number; other: number };
  externalUserId: { present: number; absent: number };
  userId: { present: number };
  codecs: string[];
  /** Files that could not be read or decoded (refused ones included). */
  unreadable: number;
  /**
   * S3 refused to hand over a file (the keys lack s3:GetObject): the sample stopped there. The
   * listings, and so delivery and event types, do not need it; the PII and anonymous checks do.
   * Absent in audits saved before it was recorded.
   */
  readDenied?: boolean;
  /** Files refused as not readable Avro, with the reason. */
  refused: RefusedFile[];
  /** The budget ran out before the last file ended. */
  truncated: boolean;
  /** What the sample cost: events decoded (duplicates included) and bytes handled. */
  spent: DecodeBudget;
}

export interface SampleOptions {
  /** Events decoded at most, duplicates included. */
  maxEvents: number;
  /** Bytes handled at most: received, plus those a codec produced. */
  maxBytes: number;
  signal: AbortSignal;
  progress(done: number, total: number, label: string): void;
}

function emailKind(value: string | null | undefined): keyof SampleStats['email'] {
  if (value === null || value === undefined || value.trim() === '') return 'empty';
  if (value === '[REDACTED]') return 'redacted';
  if (SHA256_HEX.test(value)) return 'hashed';
  return value.includes('@') ? 'real' : 'other';
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
    refused: [],
    truncated: false,
    readDenied: false,
    spent: { events: 0, bytes: 0 },
  };
  // Drawn down by every file; the set of ids below never grows past its events.
  const budget: DecodeBudget = { events: options.maxEvents, bytes: options.maxBytes };
  const seen = new Set<string>();
  const codecs = new Set<string>();
  const refusedAt = new Map<string, number>();
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
    if (budget.events <= 0 || budget.bytes <= 0 || stats.readDenied) return;
    const got = await s3.call((c, o) =>
      c.send(new GetObjectCommand({ Bucket: s3.inputs.bucket, Key: key }), o),
    );
    const body = got.Body as Readable | undefined;
    if (!body) return;
    const complete = await decodeEvents(body, {
      each: (event) => {
        read.events++;
        tally(event);
        return true;
      },
      onCodec: (codec) => codecs.add(codec),
      ...(got.ContentLength === undefined ? {} : { size: got.ContentLength }),
      budget,
    });
    if (!complete) stats.truncated = true;
    stats.files++;
  };

  await mapLimit(files, 2, options.signal, async ({ key }, index) => {
    // A read that failed before its first event (a dropped connection) is tried once more; one
    // that failed midway is not, or its events would count twice. A refused file is not either:
    // it would be refused again.
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
        if (error instanceof AvroRefusal) {
          refusedAt.set(key, index);
          stats.refused.push({ key, problem: error.problem, params: error.params });
        } else if (attempt === 1 && read.events === 0) {
          continue;
        }
        stats.unreadable++;
        break;
      }
    }
    options.progress(++done, files.length, 'events');
  });
  stats.codecs = [...codecs].sort();
  // In the order the files were given (newest first), however the reads finished.
  stats.refused.sort((a, b) => refusedAt.get(a.key)! - refusedAt.get(b.key)!);
  stats.spent = {
    events: options.maxEvents - budget.events,
    bytes: options.maxBytes - budget.bytes,
  };
  return stats;
}
