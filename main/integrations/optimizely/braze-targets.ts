import { brazeEndpointFor } from '../braze/endpoint.ts';
import { createBrazeRestClient } from '../braze/rest-client.ts';
import type { Client } from '../../../shared/types/client.ts';
import type { BrazeTargetList } from '../../../shared/integrations/optimizely/contract.ts';
import type { HttpClient } from '../../net/types.ts';

/** Braze lists 100 per page; a picker needs no more than this many pages (bounded loop). */
const pageSize = 100;
const maxPages = 10;

export const noList = (status: 'denied' | 'unavailable'): BrazeTargetList => ({
  status,
  items: [],
  truncated: false,
});

const lists = {
  campaigns: { path: '/campaigns/list', field: 'campaigns' },
  canvases: { path: '/canvas/list', field: 'canvases' },
} as const;

function itemsOf(body: unknown, field: string): Array<{ id: string; name: string }> {
  const list = body && typeof body === 'object' ? (body as Record<string, unknown>)[field] : null;
  if (!Array.isArray(list)) return [];
  return list.flatMap((item: unknown) => {
    const { id, name } = (item ?? {}) as { id?: unknown; name?: unknown };
    return typeof id === 'string' ? [{ id, name: typeof name === 'string' ? name : '' }] : [];
  });
}

/**
 * The client's Braze campaigns or Canvases for the activation's "Add users to" picker: read-only
 * list calls, when the key has `campaigns.list` / `canvas.list` (not among the five ODP needs, so
 * a refusal only means "type the id").
 */
export async function listBrazeTargets(
  http: HttpClient,
  client: Client,
  apiKey: string,
  kind: keyof typeof lists,
): Promise<BrazeTargetList> {
  const endpoint = brazeEndpointFor(client);
  if (!endpoint.ok) return noList('unavailable');
  const rest = createBrazeRestClient(http, endpoint.baseUrl, apiKey);
  const { path, field } = lists[kind];
  const items: BrazeTargetList['items'] = [];
  for (let page = 0; page < maxPages; page += 1) {
    const reply = await rest.get(path, { page });
    if (reply.status === 401 || reply.status === 403) return noList('denied');
    if (reply.status < 200 || reply.status > 299) return noList('unavailable');
    const pageItems = itemsOf(reply.body, field);
    items.push(...pageItems);
    if (pageItems.length < pageSize) return { status: 'ok', items, truncated: false };
  }
  // Every page was full up to the bound: Braze may hold more than the picker shows.
  return { status: 'ok', items, truncated: true };
}
