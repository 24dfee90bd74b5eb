import { createHash } from 'node:crypto';
import { readdir, readFile, rename, stat, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import { z } from 'zod';
import { StoreFileSchema, migrations, storeVersion, type StoreFile } from './schema.ts';

export interface StoreIssue {
  kind: 'corrupt' | 'newer-version';
  movedTo: string;
}

/**
 * The store file as found on disk, with a digest of its exact bytes: equal digests mean equal
 * content, whatever the file's inode, time or size say.
 */
export type StoreOnDisk =
  | { state: 'missing' }
  | { state: 'unchanged' }
  | { state: 'valid'; data: StoreFile; digest: string }
  | { state: 'unreadable'; kind: StoreIssue['kind']; digest: string };

const digestOf = (bytes: string | Buffer): string =>
  createHash('sha256').update(bytes).digest('hex');

/**
 * The last move-aside, kept beside the store until the CSM dismisses it: the CLI may be the one
 * that found the file unreadable, and the app must still say so the next time it starts.
 */
const issueFileOf = (storeFile: string): string => join(dirname(storeFile), 'store-issue.json');

const StoreIssueFileSchema = z.object({
  kind: z.enum(['corrupt', 'newer-version']),
  movedTo: z.string(),
});

export async function readIssueFile(storeFile: string): Promise<StoreIssue | null> {
  try {
    const parsed = StoreIssueFileSchema.safeParse(
      JSON.parse(await readFile(issueFileOf(storeFile), 'utf8')),
    );
    return parsed.success ? parsed.data : null;
  } catch {
    return null; // none, or unreadable: the moved file itself is still there
  }
}

export async function dismissStoreIssue(storeFile: string): Promise<void> {
  await unlink(issueFileOf(storeFile)).catch((error: unknown) => {
    if (!isNotFound(error)) throw error;
  });
}

/**
 * Reads and validates the store, changing nothing; `unchanged` (not parsed again) when its bytes
 * are still those of the digest `known`.
 */
export async function readStoreFile(file: string, known: string | null): Promise<StoreOnDisk> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    if (isNotFound(error)) return { state: 'missing' };
    throw error;
  }
  const digest = digestOf(bytes);
  if (digest === known) return { state: 'unchanged' };
  const parsed = parseStore(bytes.toString('utf8'));
  return parsed.ok
    ? { state: 'valid', data: parsed.data, digest }
    : { state: 'unreadable', kind: parsed.kind, digest };
}

/**
 * A file that cannot be read as a valid store, or that a newer app wrote, is moved aside (never
 * overwritten) and reported until dismissed. The caller holds the lock and has just read it, so
 * what moves aside is what was judged unreadable.
 */
export async function moveStoreAside(
  file: string,
  kind: StoreIssue['kind'],
  at: Date,
): Promise<StoreIssue> {
  const movedTo = join(file, '..', asideName(kind, at));
  await rename(file, movedTo);
  const issue: StoreIssue = { kind, movedTo };
  await writeFileAtomic(issueFileOf(file), JSON.stringify(issue) + '\n', { mode: 0o600 });
  return issue;
}

/** Saves the store and answers the digest of the bytes written. */
export async function saveStoreFile(file: string, data: StoreFile): Promise<string> {
  const text = JSON.stringify(data, null, 2) + '\n';
  // write-file-atomic writes a temp file, fsyncs it and renames it over the old one, so a crash
  // leaves either the old or the new store, never a torn one.
  await writeFileAtomic(file, text, { mode: 0o600 });
  return digestOf(text);
}

type ParseResult = { ok: true; data: StoreFile } | { ok: false; kind: StoreIssue['kind'] };

function parseStore(text: string): ParseResult {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { ok: false, kind: 'corrupt' };
  }
  if (!isRecord(raw) || typeof raw.version !== 'number') return { ok: false, kind: 'corrupt' };
  if (raw.version > storeVersion) return { ok: false, kind: 'newer-version' };
  let upgraded: Record<string, unknown> = raw;
  for (let v = raw.version; v < storeVersion; v++) {
    const migrate = migrations[v];
    if (!migrate) return { ok: false, kind: 'corrupt' };
    upgraded = migrate(upgraded);
  }
  const result = StoreFileSchema.safeParse(upgraded);
  return result.success ? { ok: true, data: result.data } : { ok: false, kind: 'corrupt' };
}

function asideName(kind: StoreIssue['kind'], at: Date): string {
  const stamp = at.toISOString().replace(/[:.]/g, '-');
  return `store.${kind}-${stamp}.json`;
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const isNotFound = (error: unknown): boolean =>
  isRecord(error) && (error as { code?: unknown }).code === 'ENOENT';

/**
 * A process killed mid-save leaves write-file-atomic's temp file (`store.json.<n>`) behind. Old
 * ones are removed; a recent one may belong to a save in progress in another process.
 */
export async function removeStaleTempFiles(file: string, olderThanMs = 60_000): Promise<void> {
  const prefix = `${basename(file)}.`;
  const folder = dirname(file);
  for (const name of await readdir(folder)) {
    if (!name.startsWith(prefix) || name.endsWith('.lock')) continue;
    if (!/^\d+$/.test(name.slice(prefix.length))) continue;
    const path = `${folder}/${name}`;
    const age = Date.now() - (await stat(path).catch(() => ({ mtimeMs: Date.now() }))).mtimeMs;
    if (age > olderThanMs) await unlink(path).catch(() => undefined);
  }
}
