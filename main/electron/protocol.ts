import { readFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { protocol } from 'electron';
import { securityHeaders } from '../security/headers.ts';
import { appHost, appScheme } from '../security/window-options.ts';
import { contentTypes, resolveRendererFile } from '../web/static-files.ts';

const rendererDir = join(import.meta.dirname, '..', 'renderer');

/** Serves the built renderer on app://renderer/ with the same headers as browser mode. */
export function registerAppProtocol(): void {
  protocol.handle(appScheme, async (request) => {
    const url = new URL(request.url);
    const file = url.host === appHost ? resolveRendererFile(rendererDir, url.pathname) : null;
    if (!file) return new Response('Not found', { status: 404 });
    try {
      const body = await readFile(file);
      return new Response(body, {
        headers: {
          ...securityHeaders,
          'content-type': contentTypes[extname(file)] ?? 'application/octet-stream',
        },
      });
    } catch {
      return new Response('Not found', { status: 404 });
    }
  });
}
