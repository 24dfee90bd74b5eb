import { createHash, randomBytes } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import avro from 'avsc';
import { avroEncoders } from '../../main/integrations/jacquard/currents/codecs.ts';
import { hourLabel } from '../../main/integrations/jacquard/currents/keys.ts';
import { boundedTasks } from './bounded-tasks.ts';

/**
 * Builds Currents folders from Braze's official sample files (tests/fixtures/currents-samples):
 * each sample's schema and event are the template, re-encoded with avsc (never hand-edited bytes)
 * into as many events and files as a scenario needs, under realistic Currents keys.
 */

export const samplesDir = fileURLToPath(
  new URL('../fixtures/currents-samples/avro/', import.meta.url),
);

/** `empty`: the field is there (Braze's schema requires it) but holds no address. */
export type EmailVariant = 'real' | 'redacted' | 'hashed' | 'empty';
export type AvroCodec = 'null' | 'deflate' | 'snappy';

export interface HourBatch {
  /** An event type with a sample file, e.g. `users.messages.email.Click`. */
  type: string;
  /** 0 = the current hour. */
  hoursAgo: number;
  files: number;
  eventsPerFile: number;
  codec?: AvroCodec;
  /** What `email_address` holds (when the type has one). Default: redacted. */
  email?: EmailVariant;
  /** Share of events without `external_user_id` (0–1). Default 0.2. */
  anonymousShare?: number;
  /** Share of each file's events repeated in the next file (at-least-once delivery). Default 0. */
  duplicateShare?: number;
  /** The batch's last files end a few bytes in, before their header does (not readable Avro). */
  cutFiles?: number;
}

export interface LayoutSpec {
  folder: string;
  batches: readonly HourBatch[];
  now?: number;
  /** 24 hex characters; random by default. */
  integrationId?: string;
}

export interface LayoutInfo {
  files: number;
  /** Events written, duplicates included. */
  events: number;
  /** Distinct event ids, in the files that can be read. */
  uniqueEvents: number;
  keys: string[];
}

interface Template {
  type: avro.Type;
  event: Record<string, unknown>;
  fields: Set<string>;
}

const templates = new Map<string, Template>();

async function template(eventType: string): Promise<Template> {
  const cached = templates.get(eventType);
  if (cached) return cached;
  const decoder = avro.createFileDecoder(join(samplesDir, `${eventType}.avro`));
  let type: avro.Type | null = null;
  decoder.on('metadata', (t: avro.Type) => (type = t));
  let event: Record<string, unknown> | null = null;
  for await (const record of decoder as AsyncIterable<Record<string, unknown>>) event ??= record;
  if (!type || !event) throw new Error(`no event in the ${eventType} sample`);
  const fields = new Set(((type as avro.types.RecordType).fields ?? []).map((f) => f.name));
  const made = { type, event, fields };
  templates.set(eventType, made);
  return made;
}

function emailValue(variant: EmailVariant, n: number): string {
  const address = `reader${n}@example.com`;
  if (variant === 'real') return address;
  if (variant === 'hashed') return createHash('sha256').update(address).digest('hex');
  if (variant === 'empty') return '';
  return '[REDACTED]';
}

async function encode(t: Template, events: unknown[], codec: AvroCodec): Promise<Buffer> {
  const encoder = new avro.streams.BlockEncoder(t.type, { codec, codecs: avroEncoders });
  const chunks: Buffer[] = [];
  encoder.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<void>((resolve, reject) => {
    encoder.on('end', resolve);
    encoder.on('error', reject);
  });
  for (const e of events) encoder.write(e);
  encoder.end();
  await ended;
  return Buffer.concat(chunks);
}

export const currentsKey = (
  folder: string,
  integrationId: string,
  type: string,
  hour: string,
  offset: number,
): string => {
  const base = `dataexport.prod-01.S3.integration.${integrationId}`;
  return `${folder}/${base}/event_type=${type}/date=${hour}/version=10/us-01/${base}+0+${offset}.avro`;
};

/**
 * Files written at once: a layout of thousands of small files otherwise spends most of its time
 * waiting for the disk one file after another.
 */
const PARALLEL_WRITES = 16;

/** Writes the layout under `dir` (path = key), ready to be a test bed bucket's `seedDir`. */
export async function writeCurrentsLayout(dir: string, spec: LayoutSpec): Promise<LayoutInfo> {
  const now = spec.now ?? Date.now();
  const integrationId = spec.integrationId ?? randomBytes(12).toString('hex');
  const info: LayoutInfo = { files: 0, events: 0, uniqueEvents: 0, keys: [] };
  let serial = 0;
  let offset = 1000;
  const writes = boundedTasks(PARALLEL_WRITES);
  for (const batch of spec.batches.filter((b) => b.files > 0)) {
    const t = await template(batch.type);
    const hour = hourLabel(Math.floor(now / 3_600_000) * 3_600_000 - batch.hoursAgo * 3_600_000);
    // A batch is one type's files of one hour: they share a folder.
    await mkdir(join(dir, dirname(currentsKey(spec.folder, integrationId, batch.type, hour, 0))), {
      recursive: true,
    });
    let previous: Record<string, unknown>[] = [];
    for (let f = 0; f < batch.files; f++) {
      const repeated = previous.slice(0, Math.floor(previous.length * (batch.duplicateShare ?? 0)));
      const fresh: Record<string, unknown>[] = [];
      for (let i = repeated.length; i < batch.eventsPerFile; i++) {
        const n = serial++;
        const anonymous = (n % 100) / 100 < (batch.anonymousShare ?? 0.2);
        const event: Record<string, unknown> = { ...t.event };
        if (t.fields.has('id')) event.id = `evt-${integrationId}-${n}`;
        if (t.fields.has('time')) event.time = Math.floor(now / 1000) - batch.hoursAgo * 3600;
        if (t.fields.has('user_id')) event.user_id = `u${n.toString(16).padStart(8, '0')}`;
        if (t.fields.has('external_user_id'))
          event.external_user_id = anonymous ? null : `customer-${n}`;
        if (t.fields.has('email_address'))
          event.email_address = emailValue(batch.email ?? 'redacted', n);
        fresh.push(event);
      }
      const events = [...repeated, ...fresh];
      const key = currentsKey(spec.folder, integrationId, batch.type, hour, offset);
      offset += events.length;
      const path = join(dir, key);
      const cut = f >= batch.files - (batch.cutFiles ?? 0);
      await writes.add(async () => {
        const bytes = await encode(t, events, batch.codec ?? 'null');
        await writeFile(path, cut ? bytes.subarray(0, 12) : bytes);
      });
      info.files++;
      info.events += events.length;
      if (!cut) info.uniqueEvents += fresh.length;
      info.keys.push(key);
      previous = events;
    }
  }
  await writes.settled();
  return info;
}

/** Every event type Braze ships a sample for (read when a scenario table is built, hence sync). */
export function sampleEventTypes(): string[] {
  return readdirSync(samplesDir)
    .filter((n) => n.endsWith('.avro'))
    .map((n) => n.slice(0, -5))
    .sort();
}
