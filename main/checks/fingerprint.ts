import { createHash } from 'node:crypto';
import { canonicalJson } from '../../shared/bundle/checksum.ts';
import type { Client } from '../../shared/types/client.ts';

/** A read of the client a check result depends on: `inputs.<id>`, `artifacts.<key>`, or `<record>.*`. */
export type ReadKey = string;

const records = ['inputs', 'artifacts'] as const;
type RecordName = (typeof records)[number];

export const readKey = (record: RecordName, key: string): ReadKey => `${record}.${key}`;
export const wholeRecord = (record: RecordName): ReadKey => `${record}.*`;

/** The value a read key names in `client` (undefined when it names nothing there). */
export function valueOfRead(client: Pick<Client, RecordName>, read: ReadKey): unknown {
  const dot = read.indexOf('.');
  const record = read.slice(0, dot) as RecordName;
  const key = read.slice(dot + 1);
  if (!records.includes(record)) return undefined;
  const values: Record<string, unknown> = client[record];
  if (key === '*') return values;
  return Object.hasOwn(values, key) ? values[key] : undefined;
}

/**
 * `sha256:<hex>` of the values read, in canonical JSON (key order and indentation do not count),
 * so a result can tell whether what it read is still what the client holds without keeping a copy.
 */
export function fingerprintOf(values: ReadonlyMap<ReadKey, unknown>): string {
  const entries = [...values.keys()].sort().map((key) => [key, values.get(key) ?? null]);
  return `sha256:${createHash('sha256').update(canonicalJson(entries)).digest('hex')}`;
}

/** The fingerprint of `reads` as `client` holds them now. */
export const currentFingerprint = (
  client: Pick<Client, RecordName>,
  reads: readonly ReadKey[],
): string => fingerprintOf(new Map(reads.map((read) => [read, valueOfRead(client, read)])));
