import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A loopback Optimizely Data Platform, as `shared/reference/odp.md` describes it:
 * - one path prefix per regional host: `<url>/us`, `<url>/eu`, `<url>/au` (each then `/v3/...`);
 * - `x-api-key` auth; a wrong key, a public key on a schema read, or a key from another region →
 *   403 `{"message":"Forbidden"}` (ODP documents no 401);
 * - `GET /v3/schema/objects/customers/fields` → array of fields, `GET /v3/lists` → 202 `{lists}`;
 * - writes are accepted with 202 like ODP does, and logged, so tests can prove none happened;
 * - a Braze Custom Currents endpoint (`currentsPath`) that checks `Authorization: Bearer`.
 */

export type FakeRegion = 'us' | 'eu' | 'au';

export interface FakeOdpKey {
  key: string;
  region: FakeRegion;
  /** A public key (tracker id) may send events but cannot read the schema. */
  kind: 'private' | 'public';
}

export interface FakeOdpField {
  name: string;
  display_name: string;
  type: string;
  created_by?: 'zaius' | 'account';
}

export interface OdpFakeOptions {
  keys?: FakeOdpKey[];
  fields?: FakeOdpField[];
  /** Bearer token the Currents endpoint accepts. */
  currentsToken?: string;
  /** How the Currents endpoint turns a wrong token away (undocumented by ODP; default 401). */
  currentsRejectStatus?: 401 | 403;
  /** Path of the Currents ingestion endpoint (default `/braze/currents`). */
  currentsPath?: string;
  /** Delay before every answer, in ms. */
  latencyMs?: number;
  /**
   * Also serve this region's API at the root, as a real regional host does: the app's `odp.apiBase`
   * takes a bare origin (no path), so a UI test types `url` there.
   */
  rootRegion?: FakeRegion;
  /**
   * Not ODP at all: something in the way answers every request instead (not in the reference).
   * `html`: a captive portal or proxy page with this status. `echo-headers`: a 400 whose JSON body
   * echoes the request headers back, as debugging proxies and misconfigured gateways do.
   * `raw`: exactly this status, content type and body (a proxy's text or JSON, a cut-off answer).
   */
  middlebox?:
    | { kind: 'html'; status: number }
    | { kind: 'echo-headers' }
    | { kind: 'raw'; status: number; contentType: string; body: string };
}

export interface FakeRequest {
  method: string;
  path: string;
  region: FakeRegion | null;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

export interface OdpFake {
  url: string;
  /** Base URL of each regional host, for `odp.apiBase` or the checks' region table. */
  bases: Record<FakeRegion, string>;
  currentsUrl: string;
  requests: FakeRequest[];
  /** Requests that would change something in ODP: anything but GET/HEAD on a regional API host. */
  writes(): FakeRequest[];
  close(): Promise<void>;
}

export const fakeKeys = {
  us: 'trk-us.private-us-secret',
  eu: 'trk-eu1.private-eu-secret',
  au: 'trk-au1.private-au-secret',
  usPublic: 'trk-us',
  /** An EU account's key without the `-eu1` suffix: only trying each region finds it. */
  euBare: 'trk-legacy.private-eu-secret',
} as const;

export const fakeCurrentsToken = 'b2RwLWN1cnJlbnRzLXRva2Vu';

export const defaultFakeFields: FakeOdpField[] = [
  { name: 'email', display_name: 'Email', type: 'string', created_by: 'zaius' },
  { name: 'last_seen_email', display_name: 'Last Seen Email', type: 'string', created_by: 'zaius' },
  { name: 'first_name', display_name: 'First Name', type: 'string', created_by: 'zaius' },
  { name: 'last_name', display_name: 'Last Name', type: 'string', created_by: 'zaius' },
  { name: 'company_name', display_name: 'Company Name', type: 'string', created_by: 'account' },
  { name: 'lifetime_value', display_name: 'Lifetime Value', type: 'number', created_by: 'account' },
  { name: 'vip', display_name: 'VIP', type: 'boolean', created_by: 'account' },
  { name: 'signup_at', display_name: 'Signed Up', type: 'timestamp', created_by: 'account' },
];

const defaultKeys: FakeOdpKey[] = [
  { key: fakeKeys.us, region: 'us', kind: 'private' },
  { key: fakeKeys.eu, region: 'eu', kind: 'private' },
  { key: fakeKeys.au, region: 'au', kind: 'private' },
  { key: fakeKeys.usPublic, region: 'us', kind: 'public' },
  { key: fakeKeys.euBare, region: 'eu', kind: 'private' },
];

const maxBody = 1024 * 1024;

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= maxBody) chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

function answerAsMiddlebox(
  res: ServerResponse,
  middlebox: NonNullable<OdpFakeOptions['middlebox']>,
  req: IncomingMessage,
): void {
  if (middlebox.kind === 'echo-headers') {
    return send(res, 400, { error: 'Bad Request', headers: req.headers });
  }
  if (middlebox.kind === 'raw') {
    res.writeHead(middlebox.status, { 'content-type': middlebox.contentType });
    return void res.end(middlebox.body);
  }
  res.writeHead(middlebox.status, { 'content-type': 'text/html; charset=utf-8' });
  res.end(
    '<!doctype html><html><head><title>Guest Wi-Fi</title><style>body{font:14px sans-serif}</style>' +
      '</head><body><h1>Access denied</h1><p>Sign in to continue.</p></body></html>',
  );
}

const forbidden = { message: 'Forbidden' };
const notFound = (message: string) => ({
  title: 'Bad Request',
  status: 404,
  timestamp: new Date().toISOString(),
  detail: { message },
});
const accepted = () => ({ title: 'Accepted', status: 202, timestamp: new Date().toISOString() });

export async function startOdpFake(options: OdpFakeOptions = {}): Promise<OdpFake> {
  const keys = options.keys ?? defaultKeys;
  const fields = options.fields ?? defaultFakeFields;
  const currentsToken = options.currentsToken ?? fakeCurrentsToken;
  const currentsPath = options.currentsPath ?? '/braze/currents';
  const requests: FakeRequest[] = [];

  function handleCurrents(req: IncomingMessage, res: ServerResponse, body: string): void {
    if (req.method !== 'POST') return send(res, 405, { message: 'Method Not Allowed' });
    const auth = req.headers.authorization ?? '';
    if (auth !== `Bearer ${currentsToken}`) {
      const status = options.currentsRejectStatus ?? 401;
      return send(res, status, { message: status === 401 ? 'Unauthorized' : 'Forbidden' });
    }
    try {
      const parsed = JSON.parse(body) as { events?: unknown };
      if (!Array.isArray(parsed.events))
        return send(res, 400, { message: 'events must be an array' });
    } catch {
      return send(res, 400, { message: 'invalid JSON' });
    }
    send(res, 200, { message: 'ok' });
  }

  function handleApi(
    req: IncomingMessage,
    res: ServerResponse,
    region: FakeRegion,
    path: string,
  ): void {
    const apiKey = req.headers['x-api-key'];
    const key = keys.find((k) => k.key === apiKey);
    // A key from another region is unknown to this host: ODP answers as for any bad key.
    if (!key || key.region !== region) return send(res, 403, forbidden);
    const method = req.method ?? 'GET';
    if (method !== 'GET' && method !== 'HEAD') {
      return key.kind === 'private' || path === '/v3/events'
        ? send(res, 202, accepted())
        : send(res, 403, forbidden);
    }
    if (path.startsWith('/v3/schema/') && key.kind !== 'private') return send(res, 403, forbidden);
    if (path === '/v3/schema/objects/customers/fields') return send(res, 200, fields);
    if (path === '/v3/lists') {
      return send(res, 202, {
        lists: [
          { name: 'Newsletter', created_at: '2018-09-10T21:07:10+00:00', list_id: 'newsletter' },
        ],
      });
    }
    send(res, 404, notFound(`No route for ${path}`));
  }

  const server = createServer((req, res) => {
    void (async () => {
      const body = await readBody(req);
      const url = new URL(req.url ?? '/', 'http://fake');
      const match = /^\/(us|eu|au)(\/.*)$/.exec(url.pathname);
      const atRoot = !match && url.pathname.startsWith('/v3/') ? options.rootRegion : undefined;
      const region = atRoot ?? (match?.[1] as FakeRegion | undefined) ?? null;
      const apiPath = atRoot ? url.pathname : match?.[2];
      requests.push({
        method: req.method ?? '',
        path: url.pathname,
        region,
        headers: { ...req.headers },
        body,
      });
      if (options.latencyMs) await new Promise((r) => setTimeout(r, options.latencyMs));
      if (options.middlebox) return answerAsMiddlebox(res, options.middlebox, req);
      if (url.pathname === currentsPath) return handleCurrents(req, res, body);
      if (region && apiPath) return handleApi(req, res, region, apiPath);
      send(res, 404, { message: 'Not Found' });
    })().catch(() => {
      if (!res.headersSent) send(res, 500, { message: 'fake failed' });
    });
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    bases: { us: `${url}/us`, eu: `${url}/eu`, au: `${url}/au` },
    currentsUrl: `${url}${currentsPath}`,
    requests,
    writes: () => requests.filter((r) => r.region && r.method !== 'GET' && r.method !== 'HEAD'),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}
