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
import { refuse } from './refusal.ts';

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
      if (!res.headersSent) refuse(res, req.url ?? '/', 'internal', services);
      else res.destroy();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    const path = url.pathname;
    if (!isAllowedHost(req, port)) return refuse(res, path, 'wrongHost', services);
    if (!isAllowedOrigin(req, port)) return refuse(res, path, 'foreignOrigin', services);

    const token = url.searchParams.get('token');
    if (req.method === 'GET' && path === '/' && token !== null) {
      const session = sessions.redeem(token);
      if (!session) {
        if (sessions.isValid(cookieValue(req, sessionCookieName))) return redirectHome(res);
        return refuse(res, path, 'linkUsed', services);
      }
      res.setHeader(
        'set-cookie',
        `${sessionCookieName}=${session}; HttpOnly; SameSite=Strict; Path=/`,
      );
      return redirectHome(res);
    }
    if (!sessions.isValid(cookieValue(req, sessionCookieName))) {
      return refuse(res, path, 'sessionMissing', services);
    }

    if (path.startsWith(webPaths.invoke)) {
      if (req.method !== 'POST') return refuse(res, path, 'wrongMethod', services);
      // A cross-site form post can neither set this header nor send JSON.
      if (req.headers[apiHeader.name] !== apiHeader.value) {
        return refuse(res, path, 'missingApiHeader', services);
      }
      if (!req.headers['content-type']?.startsWith('application/json')) {
        return refuse(res, path, 'notJson', services);
      }
      return invoke(req, res, path);
    }
    if (path === webPaths.events && req.method === 'GET') {
      return openEventStream(req, res, services.events);
    }
    if (req.method !== 'GET') return refuse(res, path, 'wrongMethod', services);
    if (!(await serveStatic(rendererDir, path, res))) refuse(res, path, 'notFound', services);
  }

  async function invoke(req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
    let payload: unknown;
    const name = channelName(path.slice(webPaths.invoke.length));
    if (name === null) return refuse(res, path, 'malformedChannel', services);
    const limit = requestLimitFor(name);
    try {
      payload = JSON.parse(await readBody(req, limit));
    } catch (error) {
      if (error instanceof BodyTooLarge) {
        return refuse(res, path, 'tooLarge', services, { megabytes: limit / 2 ** 20 });
      }
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

/** The channel a path names, or null when its percent-encoding is broken (`%E0%A4%A`). */
function channelName(encoded: string): string | null {
  try {
    return decodeURIComponent(encoded);
  } catch {
    return null;
  }
}
