import type { Api } from '../../shared/contract/index.ts';
import type { WireResult } from '../../shared/errors.ts';
import { apiHeader, sessionCookieName, webPaths } from '../../shared/web-protocol.ts';
import type { BrowserMode } from './browser-mode.ts';

/**
 * Opens the one-time link of a running browser mode, then calls the contract over HTTP with that
 * session, as the renderer's `window.api.invoke` does.
 */
export async function browserModeInvoke(server: BrowserMode): Promise<Api['invoke']> {
  const signIn = await fetch(server.url, { redirect: 'manual' });
  const cookie = signIn.headers
    .getSetCookie()
    .map((line) => line.split(';')[0] ?? '')
    .find((pair) => pair.startsWith(`${sessionCookieName}=`));
  if (signIn.status !== 303 || !cookie) {
    throw new Error(`the link gave no session (${signIn.status})`);
  }
  return async (channel, request) => {
    const reply = await fetch(server.origin + webPaths.invoke + encodeURIComponent(channel), {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/json', [apiHeader.name]: apiHeader.value },
      body: JSON.stringify(request),
    });
    return (await reply.json()) as WireResult<never>;
  };
}
