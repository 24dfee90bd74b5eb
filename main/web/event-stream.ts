import type { IncomingMessage, ServerResponse } from 'node:http';
import type { EventBus } from '../events.ts';
import { securityHeaders } from '../security/headers.ts';

/** Server-sent events: the browser-mode twin of Electron's `webContents.send`. */
export function openEventStream(req: IncomingMessage, res: ServerResponse, bus: EventBus): void {
  res.writeHead(200, {
    ...securityHeaders,
    'content-type': 'text/event-stream; charset=utf-8',
    connection: 'keep-alive',
  });
  res.write(': connected\n\n');
  const unsubscribe = bus.subscribe((event, payload) => {
    res.write(`data: ${JSON.stringify({ event, payload })}\n\n`);
  });
  // Comments keep idle proxies and the browser from dropping a quiet stream.
  const keepAlive = setInterval(() => res.write(': keep-alive\n\n'), 25_000);
  keepAlive.unref();
  req.on('close', () => {
    clearInterval(keepAlive);
    unsubscribe();
  });
}
