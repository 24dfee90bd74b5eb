import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  apiHeader,
  requestLimitFor,
  sessionCookieName,
  webPaths,
} from '../../shared/web-protocol.ts';
import { dispatch } from '../handlers/dispatch.ts';
import { createHandlerTable } from '../handlers/table.ts';
import type { Services } from '../services.ts';
import { cookieValue, isAllowedHost, isAllowedOrigin } from './guards.ts';
import { Sessions } from './session.ts';
import { securityHeaders } from '../security/headers.ts';
import { serveStatic } from './static-files.ts';
import { openEventStream } from './event-stream.ts';
import { readBody, BodyTooLarge } from './read-body.ts';
import { logError } from '../log.ts';

export interface WebServerOptions {
  services: Services;
  /** The built renderer (`out/renderer`). */
  rendererDir: string;
  /** 0 picks a free port. */
  port?: number;
}

export interface WebServer {
  /** Open this once: it carries the one-time token. */
  url: string;
  origin: string;
  close(): Promise<void>;
}

/**
 * Browser mode: the renderer and the handler table over HTTP, on loopback only, for one person
 * who holds the printed token.
 */
export async function startWebServer(options: WebServerOptions): Promise<WebServer> {
  const { services, rendererDir } = options;
  const table = createHandlerTable(services);
  const sessions = new Sessions();
  let port = 0;

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      logError('browser mode', error);
      if (!res.headersSent) reply(res, 500, 'Internal error');
      else res.destroy();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!isAllowedHost(req, port)) return reply(res, 421, 'Misdirected request');
    if (!isAllowedOrigin(req, port)) return reply(res, 403, 'Forbidden origin');
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);

    const token = url.searchParams.get('token');
    if (req.method === 'GET' && url.pathname === '/' && token !== null) {
      const session = sessions.redeem(token);
      if (!session) {
        if (sessions.isValid(cookieValue(req, sessionCookieName))) return redirectHome(res);
        return reply(res, 403, services.t('app:browserMode.linkUsed'));
      }
      res.setHeader(
        'set-cookie',
        `${sessionCookieName}=${session}; HttpOnly; SameSite=Strict; Path=/`,
      );
      return redirectHome(res);
    }
    if (!sessions.isValid(cookieValue(req, sessionCookieName)))
      return reply(res, 401, 'Unauthorized');

    if (url.pathname.startsWith(webPaths.invoke)) {
      if (req.method !== 'POST') return reply(res, 405, 'Method not allowed');
      // A cross-site form post can neither set this header nor send JSON.
      if (req.headers[apiHeader.name] !== apiHeader.value) return reply(res, 403, 'Forbidden');
      if (!req.headers['content-type']?.startsWith('application/json')) {
        return reply(res, 415, 'Unsupported media type');
      }
      return invoke(req, res, url.pathname.slice(webPaths.invoke.length));
    }
    if (url.pathname === webPaths.events && req.method === 'GET') {
      return openEventStream(req, res, services.events);
    }
    if (req.method !== 'GET') return reply(res, 405, 'Method not allowed');
    return serveStatic(rendererDir, url.pathname, res);
  }

  async function invoke(req: IncomingMessage, res: ServerResponse, channel: string): Promise<void> {
    let payload: unknown;
    const name = decodeURIComponent(channel);
    try {
      payload = JSON.parse(await readBody(req, requestLimitFor(name)));
    } catch (error) {
      if (error instanceof BodyTooLarge) return reply(res, 413, 'Payload too large');
      payload = Symbol('unparsable');
    }
    const result = await dispatch(table, name, payload, services.t);
    res.writeHead(200, { ...securityHeaders, 'content-type': 'application/json; charset=utf-8' });
    res.end(JSON.stringify(result));
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', resolve);
  });
  port = (server.address() as AddressInfo).port;
  const origin = `http://127.0.0.1:${port}`;
  return {
    url: `${origin}/?token=${sessions.token}`,
    origin,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function redirectHome(res: ServerResponse): void {
  res.writeHead(303, { ...securityHeaders, location: '/' });
  res.end();
}

function reply(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { ...securityHeaders, 'content-type': 'text/plain; charset=utf-8' });
  res.end(text);
}
