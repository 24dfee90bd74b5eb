/**
 * A loopback Braze REST fake that behaves as ../shared/reference/braze.md documents: bearer auth,
 * 401 "Invalid API key." (also for a key used on another instance, or a quoted key), 403 for an
 * inactive account and for a missing permission, 404 "Invalid URL.", 429 with lowercase
 * `x-ratelimit-*` headers, 201 for a triggered Canvas, "400 Invalid Campaign ID" …
 * Every request is recorded so tests can prove that no probe had a side effect.
 * Undocumented behaviour it has to pick (marked ASSUMED): the permission is checked before the
 * body, an unknown canvas_id or segment_id is a 400.
 * Faults that are NOT Braze (what a captive portal, a proxy or a broken middlebox sends instead)
 * are opt-in per key with `notBraze`, so tests can prove no verdict is read from them.
 * Used by the tests, the benchmark and the demo: `startBrazeFake(options) → { url, requests, close() }`.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';

export const brazePermissions = [
  'users.track',
  'users.export.segment',
  'segments.list',
  'campaigns.list',
  'canvas.list',
  'campaigns.trigger.send',
  'canvas.trigger.send',
] as const;
export type BrazePermission = (typeof brazePermissions)[number];

export const brazeMessages = {
  invalidKey: 'Invalid API key.',
  inactive: "The rate plan doesn't support, or the account is otherwise inactivated.",
  accessDenied:
    'The REST API key you are using does not have sufficient permissions, check the API key permissions under the Settings page.',
  invalidUrl: 'Invalid URL.',
  badSyntax: 'Bad syntax.',
  invalidCampaign: 'No messaging API campaign was found for your provided campaign ID.',
  overRateLimit: 'Over rate limit.',
  trackEmpty: "Valid data must be provided in the 'attributes', 'events', or 'purchases' fields.",
} as const;

export interface FakeKey {
  /** Instance the key belongs to; default the fake's first instance. */
  instance?: string;
  /** Default: every permission. */
  permissions?: readonly BrazePermission[];
  inactive?: boolean;
  /** An undocumented 403 (what an IP allowlist rejection might look like). */
  ipBlocked?: boolean;
  /** Overrides the fake's latency for this key (ms before each answer). */
  latencyMs?: number;
  /** The first N requests with this key get a 429 whose reset is `rateLimitResetInS` away. */
  rateLimitFirst?: number;
  rateLimitResetInS?: number;
  /** The first N requests with this key get a 503. */
  failFirst?: number;
  /** Requests with this key are never answered. */
  hang?: boolean;
  /** Requests with this key get this instead of Braze's answer (see `notBrazeReplies`). */
  notBraze?: NotBrazeReply;
}

/** Answers something other than Braze sends; none is Braze behaviour. */
export const notBrazeReplies = {
  /** A hotel or airport login page, answered 200 to anything. */
  'captive-portal': {
    status: 200,
    type: 'text/html',
    body: '<!DOCTYPE html><html><head><title>Guest Wi-Fi</title><style>body{font:14px sans-serif}</style></head><body><h1>Sign in to continue</h1><form action="/login"></form></body></html>',
  },
  /** A JSON answer cut off mid-way. */
  'malformed-json': { status: 200, type: 'application/json', body: '{"message": "succ' },
  /** nginx refusing the request before it reaches Braze. */
  'proxy-400': {
    status: 400,
    type: 'text/html',
    body: '<html><head><title>400 Bad Request</title></head><body><center><h1>400 Bad Request</h1></center><hr><center>nginx</center></body></html>',
  },
  /** A gateway that says "success" to everything, including probes built to be refused. */
  'accept-everything': {
    status: 201,
    type: 'application/json',
    body: JSON.stringify({ message: 'success' }),
  },
} as const;
export type NotBrazeReply = keyof typeof notBrazeReplies;

export interface BrazeFakeOptions {
  /** Instance ids served, each on its own loopback port; default ['US-03']. */
  instances?: readonly string[];
  keys: Record<string, FakeKey>;
  latencyMs?: number;
  /** How many segments the workspace has; default 3 (or as many as `names.segments`). */
  segments?: number;
  /** Realistic names (the demo's workspace); unnamed items are numbered. */
  names?: {
    segments?: readonly string[];
    campaigns?: readonly string[];
    canvases?: readonly string[];
  };
}

export interface RecordedRequest {
  instance: string;
  method: string;
  path: string;
  query: Record<string, string>;
  body: unknown;
  /** Which configured key was used (its name in `keys`), or null: the key value is never recorded. */
  key: string | null;
  status: number | null;
  at: number;
  /** Requests open on this instance when this one arrived, itself included (hanging ones stay open). */
  inFlight: number;
}

export interface BrazeFake {
  /** Base URL of the first instance. */
  url: string;
  urls: Record<string, string>;
  requests: RecordedRequest[];
  knownIds: { segments: string[]; campaigns: string[]; canvases: string[] };
  /** Every recorded request that could have changed something in Braze, described. */
  sideEffects(): string[];
  close(): Promise<void>;
}

type Route = { permission: BrazePermission; handle: (req: Parsed) => [number, unknown] };
type Parsed = { query: Record<string, string>; body: unknown };

const pageOf = <T>(items: readonly T[], query: Record<string, string>): T[] => {
  const page = Math.max(0, Number.parseInt(query.page ?? '0', 10) || 0);
  const sorted = query.sort_direction === 'desc' ? [...items].reverse() : items;
  return sorted.slice(page * 100, page * 100 + 100);
};

const record = (body: unknown): Record<string, unknown> =>
  typeof body === 'object' && body !== null && !Array.isArray(body)
    ? (body as Record<string, unknown>)
    : {};

const hasItems = (value: unknown): boolean => Array.isArray(value) && value.length > 0;

export async function startBrazeFake(options: BrazeFakeOptions): Promise<BrazeFake> {
  const instances = options.instances ?? ['US-03'];
  const names = options.names ?? {};
  const segmentCount = options.segments ?? names.segments?.length ?? 3;
  const segments = Array.from({ length: segmentCount }, (_, i) => ({
    id: randomUUID(),
    name: names.segments?.[i] ?? `Segment ${String(i + 1).padStart(5, '0')}`,
    analytics_tracking_enabled: i % 2 === 0,
    tags: [],
  }));
  const campaigns = Array.from({ length: names.campaigns?.length ?? 3 }, (_, i) => ({
    id: randomUUID(),
    name: names.campaigns?.[i] ?? `Campaign ${i + 1}`,
  }));
  const canvases = Array.from({ length: names.canvases?.length ?? 2 }, (_, i) => ({
    id: randomUUID(),
    name: names.canvases?.[i] ?? `Canvas ${i + 1}`,
  }));
  const knownIds: BrazeFake['knownIds'] = {
    segments: segments.map((s) => s.id),
    campaigns: campaigns.map((c) => c.id),
    canvases: canvases.map((c) => c.id),
  };
  const requests: RecordedRequest[] = [];
  const counters = new Map<string, number>();
  const open = new Map<string, number>();

  const routes: Record<string, Route> = {
    'GET /segments/list': {
      permission: 'segments.list',
      handle: ({ query }) => [200, { message: 'success', segments: pageOf(segments, query) }],
    },
    'GET /campaigns/list': {
      permission: 'campaigns.list',
      handle: ({ query }) => [200, { message: 'success', campaigns: pageOf(campaigns, query) }],
    },
    'GET /canvas/list': {
      permission: 'canvas.list',
      handle: ({ query }) => [200, { message: 'success', canvases: pageOf(canvases, query) }],
    },
    'POST /users/track': {
      permission: 'users.track',
      handle: ({ body }) => {
        const b = record(body);
        if (!hasItems(b.attributes) && !hasItems(b.events) && !hasItems(b.purchases)) {
          return [400, { message: brazeMessages.trackEmpty, errors: [] }];
        }
        return [
          201,
          {
            message: 'success',
            attributes_processed: 1,
            events_processed: 0,
            purchases_processed: 0,
          },
        ];
      },
    },
    'POST /users/export/segment': {
      permission: 'users.export.segment',
      handle: ({ body }) => {
        const b = record(body);
        if (typeof b.segment_id !== 'string' || !Array.isArray(b.fields_to_export)) {
          return [400, { message: "'segment_id' and 'fields_to_export' are required." }];
        }
        if (!knownIds.segments.includes(b.segment_id))
          return [400, { message: 'Invalid segment ID.' }]; // ASSUMED
        return [201, { message: 'success', object_prefix: randomUUID() }];
      },
    },
    'POST /campaigns/trigger/send': {
      permission: 'campaigns.trigger.send',
      handle: ({ body }) => {
        const b = record(body);
        if (typeof b.campaign_id !== 'string') return [400, { message: brazeMessages.badSyntax }];
        if (!knownIds.campaigns.includes(b.campaign_id))
          return [400, { message: brazeMessages.invalidCampaign }];
        return [201, { dispatch_id: randomUUID(), message: 'success' }];
      },
    },
    'POST /canvas/trigger/send': {
      permission: 'canvas.trigger.send',
      handle: ({ body }) => {
        const b = record(body);
        if (typeof b.canvas_id !== 'string') return [400, { message: brazeMessages.badSyntax }];
        if (!knownIds.canvases.includes(b.canvas_id))
          return [400, { message: 'Invalid Canvas ID.' }]; // ASSUMED
        return [
          201,
          {
            notice:
              'The Canvas is paused. Resume the Canvas to ensure trigger requests will take effect.',
            dispatch_id: randomUUID(),
            message: 'success',
          },
        ];
      },
    },
  };

  const rateHeaders = (reset: number, remaining: number): Record<string, string> => ({
    'x-ratelimit-limit': '250000',
    'x-ratelimit-remaining': String(remaining),
    'x-ratelimit-reset': String(reset),
  });

  const handler = (instance: string) => async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://fake');
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    let body: unknown = raw === '' ? undefined : raw;
    let syntaxError = false;
    if (raw !== '') {
      try {
        body = JSON.parse(raw) as unknown;
      } catch {
        syntaxError = true;
      }
    }
    const auth = req.headers.authorization ?? '';
    const token = auth.startsWith('Bearer ') ? auth.slice('Bearer '.length) : null;
    const keyName = token !== null && Object.hasOwn(options.keys, token) ? token : null;
    const key = keyName === null ? undefined : options.keys[keyName];
    open.set(instance, (open.get(instance) ?? 0) + 1);
    let closed = false;
    // Counted out once answered, before the client can read the answer and send its next request.
    const leave = (): void => {
      if (closed) return;
      closed = true;
      open.set(instance, (open.get(instance) ?? 1) - 1);
    };
    res.on('close', leave);
    const entry: RecordedRequest = {
      instance,
      method: req.method ?? 'GET',
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      body,
      key: keyName,
      status: null,
      at: Date.now(),
      inFlight: open.get(instance) ?? 1,
    };
    requests.push(entry);
    if (key?.hang) return; // the socket stays open until close()
    if (key?.notBraze) {
      const fault = notBrazeReplies[key.notBraze];
      entry.status = fault.status;
      leave();
      res.writeHead(fault.status, { 'content-type': fault.type });
      res.end(fault.body);
      return;
    }

    const seen = (counters.get(token ?? '') ?? 0) + 1;
    counters.set(token ?? '', seen);
    await sleep(key?.latencyMs ?? options.latencyMs ?? 0);

    const nowS = Math.floor(Date.now() / 1000);
    const send = (
      status: number,
      payload: unknown,
      headers: Record<string, string> = rateHeaders(nowS + 3600, 249_000),
    ) => {
      entry.status = status;
      leave();
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end(JSON.stringify(payload));
    };
    const route = routes[`${entry.method} ${entry.path}`];
    if (!route) return send(404, { message: brazeMessages.invalidUrl });
    if (!key || (key.instance ?? instances[0]) !== instance)
      return send(401, { message: brazeMessages.invalidKey });
    if (seen <= (key.rateLimitFirst ?? 0)) {
      return send(
        429,
        { message: brazeMessages.overRateLimit },
        rateHeaders(nowS + (key.rateLimitResetInS ?? 1), 0),
      );
    }
    if (seen <= (key.rateLimitFirst ?? 0) + (key.failFirst ?? 0))
      return send(503, { message: 'Service Unavailable' });
    if (key.inactive) return send(403, { message: brazeMessages.inactive });
    if (key.ipBlocked) return send(403, { message: 'Forbidden' });
    if (!(key.permissions ?? brazePermissions).includes(route.permission)) {
      return send(403, { message: brazeMessages.accessDenied });
    }
    if (syntaxError) return send(400, { message: brazeMessages.badSyntax });
    const [status, payload] = route.handle({ query: entry.query, body });
    return send(status, payload);
  };

  const servers: Server[] = [];
  const urls: Record<string, string> = {};
  for (const instance of instances) {
    const server = createServer((req, res) => {
      handler(instance)(req, res).catch(() => res.destroy());
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    servers.push(server);
    urls[instance] = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }

  const sideEffects = (): string[] =>
    requests.flatMap((r) => {
      const b = record(r.body);
      const found: string[] = [];
      const label = `${r.method} ${r.path}`;
      if (b.broadcast === true) found.push(`${label}: broadcast true`);
      if (typeof b.campaign_id === 'string' && knownIds.campaigns.includes(b.campaign_id))
        found.push(`${label}: known campaign`);
      if (typeof b.canvas_id === 'string' && knownIds.canvases.includes(b.canvas_id))
        found.push(`${label}: known canvas`);
      if (typeof b.segment_id === 'string' && knownIds.segments.includes(b.segment_id))
        found.push(`${label}: known segment`);
      if (hasItems(b.attributes) || hasItems(b.events) || hasItems(b.purchases))
        found.push(`${label}: user data`);
      if (hasItems(b.recipients) || b.audience !== undefined)
        found.push(`${label}: recipients or audience`);
      if (r.method !== 'GET' && r.status !== null && r.status >= 200 && r.status < 300)
        found.push(`${label}: accepted (${r.status})`);
      return found;
    });

  return {
    url: urls[instances[0] ?? ''] ?? '',
    urls,
    requests,
    knownIds,
    sideEffects,
    close: async () => {
      await Promise.all(
        servers.map(
          (server) =>
            new Promise<void>((resolve) => {
              server.closeAllConnections();
              server.close(() => resolve());
            }),
        ),
      );
    },
  };
}
