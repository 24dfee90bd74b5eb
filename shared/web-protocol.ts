/**
 * Browser mode speaks the IPC contract over HTTP on 127.0.0.1:
 * - `GET /?token=<one-time token>` trades the printed token for a session cookie, then redirects to `/`.
 * - `POST /api/invoke/<channel>` with a JSON request body answers a JSON `WireResult`.
 * - `GET /api/events` is a server-sent event stream of `{ event, payload }` messages.
 * Every request needs the session cookie, a loopback Host header and no foreign Origin.
 */
export const webPaths = {
  invoke: '/api/invoke/',
  events: '/api/events',
} as const;

/** Calls from the renderer's code (answered in JSON), as opposed to pages a person opens. */
export const isApiPath = (path: string): boolean => path.startsWith('/api/');

export const sessionCookieName = 'partner_setup_session';

/** Sent on every API call so a cross-site form post (which cannot set headers) is refused. */
export const apiHeader = { name: 'x-partner-setup', value: '1' } as const;

/** Largest request body browser mode accepts (snippets fit comfortably). */
export const maxRequestBytes = 256 * 1024;

/** Channels that carry a whole client bundle (up to 5 MB of JSON, escaped once more in the request). */
const bundleChannels: ReadonlySet<string> = new Set(['bundles:inspect', 'bundles:import']);

/** The body limit for one channel's requests. */
export const requestLimitFor = (channel: string): number =>
  bundleChannels.has(channel) ? 12 * 1024 * 1024 : maxRequestBytes;
