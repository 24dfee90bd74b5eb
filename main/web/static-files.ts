import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import type { ServerResponse } from 'node:http';
import { securityHeaders } from '../security/headers.ts';

export const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json; charset=utf-8',
  '.ico': 'image/x-icon',
};

/**
 * Serves a file of the built renderer. False, with nothing sent, for anything outside its folder
 * or missing: the caller answers that in the CSM's language.
 */
export async function serveStatic(
  root: string,
  urlPath: string,
  res: ServerResponse,
): Promise<boolean> {
  const file = resolveRendererFile(root, urlPath);
  if (!file) return false;
  let body: Buffer;
  try {
    body = await readFile(file);
  } catch {
    return false;
  }
  res.writeHead(200, {
    ...securityHeaders,
    'content-type': contentTypes[extname(file)] ?? 'application/octet-stream',
  });
  res.end(body);
  return true;
}

/** The file a URL path names inside `root`, or null for anything that escapes it. */
export function resolveRendererFile(root: string, urlPath: string): string | null {
  let relative: string;
  try {
    relative = urlPath === '/' ? 'index.html' : decodeURIComponent(urlPath).replace(/^\/+/, '');
  } catch {
    return null;
  }
  const file = normalize(join(root, relative));
  return file.startsWith(normalize(root) + sep) ? file : null;
}
