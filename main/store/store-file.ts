import { readdir, readFile, rename, stat, unlink } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import { join } from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import { z } from 'zod';
import { StoreFileSchema, emptyStore, migrations, storeVersion, type StoreFile } from './schema.ts';

export interface StoreIssue {
  kind: 'corrupt' | 'newer-version';
  movedTo: string;
}

export interface LoadedStore {
  data: StoreFile;
  issue: StoreIssue | null;
}

/** Identity of the file on disk, to notice another process (app, CLI) having written it. */
export interface FileStamp {
  ino: number;
  mtimeMs: number;
  size: number;
}

export async function stampOf(file: string): Promise<FileStamp | null> {
  try {
    const s = await stat(file);
    return { ino: s.ino, mtimeMs: s.mtimeMs, size: s.size };
  } catch (error) {
    if (isNotFound(error)) return null;
    throw error;
  }
}

/**
 * The last move-aside, kept beside the store until the CSM dismisses it: the CLI may be the one
 * that found the file unreadable, and the app must still say so the next time it starts.
 */
const issueFileOf = (storeFile: string): string => join(dirname(storeFile), 'store-issue.json');

const StoreIssueFileSchema = z.object({
  kind: z.enum(['corrupt', 'newer-version']),
  movedTo: z.string(),
});

async function readIssueFile(storeFile: string): Promise<StoreIssue | null> {
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
 * Reads and validates the store. A file that cannot be read as a valid store, or that a newer app
 * wrote, is moved aside (never overwritten) and reported until dismissed, and the app starts from
 * an empty store.
 */
export async function loadStoreFile(
  file: string,
  now: () => Date = () => new Date(),
): Promise<LoadedStore> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if (isNotFound(error)) return { data: emptyStore(), issue: await readIssueFile(file) };
    throw error;
  }
  const parsed = parseStore(text);
  if (parsed.ok) return { data: parsed.data, issue: await readIssueFile(file) };
  const movedTo = join(file, '..', asideName(parsed.kind, now()));
  await rename(file, movedTo);
  const issue: StoreIssue = { kind: parsed.kind, movedTo };
  await writeFileAtomic(issueFileOf(file), JSON.stringify(issue) + '\n', { mode: 0o600 });
  return { data: emptyStore(), issue };
}

export async function saveStoreFile(file: string, data: StoreFile): Promise<void> {
  // write-file-atomic writes a temp file, fsyncs it and renames it over the old one, so a crash
  // leaves either the old or the new store, never a torn one.
  await writeFileAtomic(file, JSON.stringify(data, null, 2) + '\n', { mode: 0o600 });
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
