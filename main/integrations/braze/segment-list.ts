import { SegmentsPageSchema } from './reply-body.ts';
import type { BrazeRestClient, BrazeReply } from './rest-client.ts';

export interface BrazeSegment {
  id: string;
  name: string;
}

export const segmentsPageSize = 100;

export type SegmentListing =
  | { ok: true; segments: BrazeSegment[]; pages: number; truncated: boolean }
  | { ok: false; reply: BrazeReply; page: number };

export interface ListOptions {
  /**
   * Pages asked for at once; default 8 (Braze's shared limit is 250,000 requests an hour). In a
   * check run the engine's per-host request cap also holds: these pages share it with the other
   * Braze probes.
   */
  pageConcurrency?: number;
  /** Bound on the loop: 1,000 pages = 100,000 segments; beyond that the listing says it stopped. */
  maxPages?: number;
  onProgress?: (segmentsSoFar: number, pagesDone: number) => void;
}

/**
 * Every page of `GET /segments/list` (100 per page from page 0, no total, no cursor: a short page
 * ends the list). Page 0 goes alone: most workspaces fit on it, and an endpoint that fails or is
 * not Braze costs one request (and its retries), not a window of them. Later pages are fetched
 * several at a time in a sliding window, so thousands of segments take a handful of round trips
 * rather than one per page. Requests already sent for pages past the end are abandoned as soon as
 * the end is known (at most `pageConcurrency - 1`). A page that is not Braze's ends the listing
 * as a failure: reading it as "no segments" would tell the CSM something nobody said.
 */
export async function listAllSegments(
  rest: BrazeRestClient,
  options: ListOptions = {},
): Promise<SegmentListing> {
  const concurrency = Math.max(1, options.pageConcurrency ?? 8);
  const maxPages = options.maxPages ?? 1000;
  const pages = new Map<number, BrazeSegment[]>();
  // Requests for pages past the end are cut short once the end is known.
  const overshoot = new AbortController();
  let next = 1;
  let lastPage = maxPages - 1;
  let count = 0;
  // Held in an object: TypeScript does not track assignments made inside the workers.
  const stop: {
    failure: { reply: BrazeReply; page: number } | null;
    thrown: { error: unknown } | null;
  } = { failure: null, thrown: null };
  // Keep the earliest failing page, the one a CSM would hit first.
  const recordFailure = (reply: BrazeReply, page: number): void => {
    if (stop.failure === null || page < stop.failure.page) stop.failure = { reply, page };
  };
  let settle = (): void => undefined;
  const settled = new Promise<void>((resolve) => (settle = resolve));
  const complete = (): boolean => {
    for (let page = 0; page <= lastPage; page++) if (!pages.has(page)) return false;
    return true;
  };

  /** Keeps a readable page and says so; false for anything else. */
  const accept = (reply: BrazeReply, page: number): boolean => {
    const success = reply.status >= 200 && reply.status < 300;
    const segments = success ? readSegments(reply.body) : null;
    if (segments === null) return false;
    pages.set(page, segments);
    if (segments.length < segmentsPageSize) lastPage = Math.min(lastPage, page);
    count += segments.length;
    options.onProgress?.(count, pages.size);
    return true;
  };

  const first = await rest.get('/segments/list', { page: 0 });
  if (!accept(first, 0)) return { ok: false, reply: first, page: 0 };

  const worker = async (): Promise<void> => {
    while (stop.failure === null && stop.thrown === null && next <= lastPage) {
      const page = next++;
      let reply: BrazeReply;
      try {
        reply = await rest.get('/segments/list', { page }, overshoot.signal);
      } catch (error) {
        // Our own abort (the end or a failure is known) is not an error of the listing.
        if (!overshoot.signal.aborted) stop.thrown ??= { error };
        break;
      }
      if (page > lastPage) break;
      if (!accept(reply, page)) {
        recordFailure(reply, page);
        break;
      }
      if (complete()) break;
    }
    if (stop.failure !== null || stop.thrown !== null || complete()) settle();
  };
  const workers = Promise.all(Array.from({ length: concurrency }, worker));
  await Promise.race([settled, workers]);
  overshoot.abort();
  await workers;
  if (stop.thrown) throw stop.thrown.error;
  if (stop.failure) return { ok: false, ...stop.failure };
  const segments: BrazeSegment[] = [];
  for (let page = 0; page <= lastPage; page++) segments.push(...(pages.get(page) ?? []));
  const truncated = (pages.get(lastPage)?.length ?? 0) === segmentsPageSize;
  return { ok: true, segments, pages: lastPage + 1, truncated };
}

function readSegments(body: unknown): BrazeSegment[] | null {
  const parsed = SegmentsPageSchema.safeParse(body);
  if (!parsed.success) return null;
  return parsed.data.segments.map(({ id, name }) => ({ id, name: name ?? id }));
}
