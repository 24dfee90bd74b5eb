import type { _Object } from '@aws-sdk/client-s3';
import type { JacquardS3 } from '../s3/client.ts';
import { listFolders, listObjects } from '../s3/listing.ts';
import { EMAIL_CLICK, eventTypeOf, hourOf, hourStart, lastSegment } from './keys.ts';
import { mapLimit } from './pool.ts';

/**
 * Finds what a Current delivered using delimiter listings only: folders down to `event_type=…/`,
 * then its `date=…/` hours. The number of requests grows with event types and hours, never with
 * the number of files; only the hours inside the chart window are listed file by file, one page
 * of at most `MAX_FILES_PER_HOUR` each, so a busy bucket costs no more than a quiet one.
 */

const CONCURRENCY = 8;
/** `<folder>/dataexport…/event_type=…/` is two levels down; one more leaves room for a new layout. */
const MAX_TYPE_DEPTH = 3;
const MAX_HOUR_DEPTH = 2;
/**
 * Files counted at most in one hour of one type, in one listing page; an hour holding more is
 * reported as capped. Currents writes about a dozen files an hour per partition, so real hours fit;
 * counting every file of a busier one would make the audit's cost grow with the bucket.
 */
export const MAX_FILES_PER_HOUR = 100;

export interface HourFiles {
  hour: string;
  files: number;
  /** False when the hour holds more files than were listed. */
  complete: boolean;
}

export interface TypeDelivery {
  type: string;
  /** Every hour with files, newest first. */
  hours: string[];
  /** Hours inside the window, listed file by file. */
  window: HourFiles[];
}

export interface Discovery {
  /** Folders directly under the client's folder (`dataexport…`), for the report. */
  integrations: string[];
  types: TypeDelivery[];
  /** Email Click files of the newest hours, newest first, as many as the sample may read. */
  sampleCandidates: Array<{ key: string; size: number }>;
  complete: boolean;
}

export interface DiscoverOptions {
  folder: string;
  windowStart: number;
  sampleFiles: number;
  signal: AbortSignal;
  progress: (done: number, total: number | null, label: string) => void;
}

async function descend(
  s3: JacquardS3,
  roots: string[],
  maxDepth: number,
  isTarget: (prefix: string) => boolean,
  signal: AbortSignal,
): Promise<{ found: string[]; complete: boolean }> {
  const found: string[] = [];
  let complete = true;
  let frontier = roots;
  for (let depth = 0; depth < maxDepth && frontier.length > 0; depth++) {
    const listed = await mapLimit(frontier, CONCURRENCY, signal, (p) => listFolders(s3, p));
    frontier = [];
    for (const { folders, complete: all } of listed) {
      complete &&= all;
      for (const child of folders) {
        if (isTarget(child)) found.push(child);
        // Our own write-test markers are not part of the Current.
        else if (lastSegment(child) !== 'partner-setup-check') frontier.push(child);
      }
    }
  }
  return { found, complete };
}

interface Candidate {
  key: string;
  size: number;
  hour: string;
  modified: number;
}

const avroFiles = (objects: _Object[]) => objects.filter((o) => o.Key?.endsWith('.avro'));

function asCandidates(files: _Object[], hour: string): Candidate[] {
  return files.map((f) => ({
    key: f.Key!,
    size: f.Size ?? 0,
    hour,
    modified: f.LastModified?.getTime() ?? 0,
  }));
}

/** A stale Current still has a newest hour worth sampling, even outside the window. */
async function newestHourCandidates(s3: JacquardS3, hourPrefixes: string[]): Promise<Candidate[]> {
  const newest = [...hourPrefixes].sort((a, b) => (hourOf(a)! < hourOf(b)! ? 1 : -1))[0];
  if (!newest) return [];
  const listed = await listObjects(s3, newest, 1, MAX_FILES_PER_HOUR);
  return asCandidates(avroFiles(listed.objects), hourOf(newest)!);
}

export async function discover(s3: JacquardS3, options: DiscoverOptions): Promise<Discovery> {
  const { signal, progress } = options;
  const root = `${options.folder}/`;
  progress(0, null, 'types');
  const typeSearch = await descend(
    s3,
    [root],
    MAX_TYPE_DEPTH,
    (p) => eventTypeOf(p) !== null,
    signal,
  );

  const byType = new Map<string, string[]>();
  for (const prefix of typeSearch.found) {
    const type = eventTypeOf(prefix)!;
    byType.set(type, [...(byType.get(type) ?? []), prefix]);
  }
  const typeNames = [...byType.keys()].sort();
  let complete = typeSearch.complete;

  // Hours per type: one delimiter listing per type (and integration).
  let done = 0;
  const hourPrefixes = await mapLimit(typeNames, CONCURRENCY, signal, async (type) => {
    const search = await descend(
      s3,
      byType.get(type)!,
      MAX_HOUR_DEPTH,
      (p) => hourOf(p) !== null,
      signal,
    );
    complete &&= search.complete;
    progress(++done, typeNames.length, 'hours');
    return search.found;
  });

  // Files per hour inside the window, newest hours first so the sample takes the freshest files.
  const jobs: Array<{ type: string; hour: string; prefix: string }> = [];
  typeNames.forEach((type, i) => {
    for (const prefix of hourPrefixes[i]!) {
      const hour = hourOf(prefix)!;
      if (hourStart(hour) >= options.windowStart) jobs.push({ type, hour, prefix });
    }
  });
  jobs.sort((a, b) => (a.hour < b.hour ? 1 : a.hour > b.hour ? -1 : 0));
  const candidates: Candidate[] = [];
  // Newest first: by hour, then by upload time.
  const newestFirst = (a: Candidate, b: Candidate) =>
    a.hour !== b.hour ? (a.hour < b.hour ? 1 : -1) : b.modified - a.modified;
  done = 0;
  const counted = await mapLimit(jobs, CONCURRENCY, signal, async (job) => {
    const listed = await listObjects(s3, job.prefix, 1, MAX_FILES_PER_HOUR);
    const files = avroFiles(listed.objects);
    if (job.type === EMAIL_CLICK) {
      candidates.push(...asCandidates(files, job.hour));
      // Memory stays bounded: only the newest files can end up in the sample.
      if (candidates.length > 4 * options.sampleFiles) {
        candidates.sort(newestFirst);
        candidates.length = options.sampleFiles;
      }
    }
    progress(++done, jobs.length, 'files');
    return { ...job, files: files.length, complete: listed.complete };
  });
  complete &&= counted.every((c) => c.complete);

  const types: TypeDelivery[] = typeNames.map((type, i) => {
    const hours = [...new Set(hourPrefixes[i]!.map((p) => hourOf(p)!))].sort().reverse();
    const window = new Map<string, HourFiles>();
    for (const c of counted.filter((c) => c.type === type)) {
      const prev = window.get(c.hour);
      window.set(c.hour, {
        hour: c.hour,
        files: (prev?.files ?? 0) + c.files,
        complete: (prev?.complete ?? true) && c.complete,
      });
    }
    return { type, hours, window: [...window.values()].sort((a, b) => (a.hour < b.hour ? 1 : -1)) };
  });

  const clickIndex = typeNames.indexOf(EMAIL_CLICK);
  if (candidates.length === 0 && clickIndex !== -1) {
    candidates.push(...(await newestHourCandidates(s3, hourPrefixes[clickIndex]!)));
  }
  candidates.sort(newestFirst);
  return {
    // The folders between the client's folder and the event types (`dataexport…`).
    integrations: [
      ...new Set(typeSearch.found.map((p) => p.slice(root.length).split('/')[0]!)),
    ].sort(),
    types,
    sampleCandidates: candidates
      .slice(0, options.sampleFiles)
      .map(({ key, size }) => ({ key, size })),
    complete,
  };
}
