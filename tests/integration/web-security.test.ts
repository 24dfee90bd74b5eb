import assert from 'node:assert/strict';
import { request } from 'node:http';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test, type TestContext } from 'node:test';
import { createServices } from '../../main/services.ts';
import { startWebServer } from '../../main/web/server.ts';
import { memoryKeychain } from '../support/memory-keychain.ts';
import { tempDir } from '../support/temp-dir.ts';

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** Raw HTTP, so tests can send the Host and Origin headers a browser or an attacker would. */
function send(
  port: number,
  options: { method?: string; path: string; headers?: Record<string, string>; body?: string },
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        method: options.method ?? 'GET',
        path: options.path,
        headers: options.headers,
      },
      (res) => {
        let body = '';
        res.on('data', (c: Buffer) => (body += c.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    if (options.body !== undefined) req.write(options.body);
    req.end();
  });
}

async function serve(t: TestContext) {
  const home = await tempDir(t);
  const rendererDir = join(home, 'renderer');
  await mkdir(rendererDir);
  await writeFile(join(rendererDir, 'index.html'), '<!doctype html><title>app</title>');
  await writeFile(join(home, 'secret.txt'), 'outside the renderer');
  const services = await createServices({ home, mode: 'browser', keychain: memoryKeychain() });
  const server = await startWebServer({ services, rendererDir });
  t.after(() => server.close());
  const port = Number(new URL(server.origin).port);
  const token = new URL(server.url).searchParams.get('token') ?? '';
  const host = `127.0.0.1:${port}`;
  return { services, server, port, token, host };
}

async function login(port: number, host: string, token: string): Promise<string> {
  const res = await send(port, { path: `/?token=${token}`, headers: { host } });
  assert.equal(res.status, 303);
  const cookie = String(res.headers['set-cookie']).split(';')[0] ?? '';
  assert.match(cookie, /^partner_setup_session=/);
  assert.match(String(res.headers['set-cookie']), /HttpOnly; SameSite=Strict/);
  return cookie;
}

const json = (cookie: string, host: string, extra: Record<string, string> = {}) => ({
  host,
  cookie,
  'content-type': 'application/json',
  'x-partner-setup': '1',
  origin: `http://${host}`,
  ...extra,
});

test('it listens on loopback only', async (t) => {
  const { server } = await serve(t);
  assert.equal(new URL(server.origin).hostname, '127.0.0.1');
  assert.match(server.url, /^http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]{40,}$/);
});

test('without the token, with a wrong one, or with a used one, nothing is served', async (t) => {
  const { services, port, host, token } = await serve(t);
  assert.equal((await send(port, { path: '/', headers: { host } })).status, 401);
  assert.equal((await send(port, { path: '/?token=wrong', headers: { host } })).status, 403);
  const invoke = await send(port, {
    method: 'POST',
    path: '/api/invoke/clients:list',
    headers: { host, 'content-type': 'application/json', 'x-partner-setup': '1' },
    body: '{}',
  });
  assert.equal(invoke.status, 401);
  await login(port, host, token);
  // The link is one-time: a second browser (or someone reading the history) cannot use it.
  const reused = await send(port, { path: `/?token=${token}`, headers: { host } });
  assert.equal(reused.status, 403);
  assert.equal(reused.body, services.t('app:browserMode.linkUsed'));
  // Told in the CSM's language, like everything else the app says.
  await services.store.updateSettings({ language: 'de' });
  const german = await send(port, { path: '/?token=wrong', headers: { host } });
  assert.match(german.body, /Link wurde bereits verwendet/);
});

test('with the session, the renderer and the API answer', async (t) => {
  const { port, host, token } = await serve(t);
  const cookie = await login(port, host, token);
  const page = await send(port, { path: '/', headers: { host, cookie } });
  assert.equal(page.status, 200);
  assert.match(String(page.headers['content-security-policy']), /script-src 'self'/);
  const res = await send(port, {
    method: 'POST',
    path: '/api/invoke/clients:create',
    headers: json(cookie, host),
    body: JSON.stringify({ name: 'Acme Retail', integrations: ['jacquard'] }),
  });
  assert.equal(res.status, 200);
  assert.equal((JSON.parse(res.body) as { ok: boolean }).ok, true);
});

test('a foreign Host (DNS rebinding) or a foreign Origin is refused', async (t) => {
  const { port, host, token, services } = await serve(t);
  const cookie = await login(port, host, token);
  const rebound = await send(port, {
    path: '/',
    headers: { host: `evil.example:${port}`, cookie },
  });
  assert.equal(rebound.status, 421);
  const otherPort = await send(port, {
    path: '/',
    headers: { host: `127.0.0.1:${port + 1}`, cookie },
  });
  assert.equal(otherPort.status, 421);
  const foreign = await send(port, {
    method: 'POST',
    path: '/api/invoke/clients:create',
    headers: json(cookie, host, { origin: 'https://evil.example' }),
    body: JSON.stringify({ name: 'Injected', integrations: ['jacquard'] }),
  });
  assert.equal(foreign.status, 403);
  const crossSite = await send(port, {
    path: '/',
    headers: { host, cookie, 'sec-fetch-site': 'cross-site' },
  });
  assert.equal(crossSite.status, 403);
  assert.deepEqual(services.store.list(), []);
});

test('a cross-site form post, a missing API header or an oversized body change nothing', async (t) => {
  const { port, host, token, services } = await serve(t);
  const cookie = await login(port, host, token);
  const form = await send(port, {
    method: 'POST',
    path: '/api/invoke/clients:create',
    headers: {
      host,
      cookie,
      'content-type': 'application/x-www-form-urlencoded',
      'x-partner-setup': '1',
    },
    body: 'name=Injected&integrations=jacquard',
  });
  assert.equal(form.status, 415);
  const noHeader = await send(port, {
    method: 'POST',
    path: '/api/invoke/clients:create',
    headers: { host, cookie, 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'Injected', integrations: ['jacquard'] }),
  });
  assert.equal(noHeader.status, 403);
  const huge = await send(port, {
    method: 'POST',
    path: '/api/invoke/clients:create',
    headers: json(cookie, host),
    body: JSON.stringify({ name: 'x'.repeat(300_000), integrations: ['jacquard'] }),
  });
  assert.equal(huge.status, 413);
  assert.deepEqual(services.store.list(), []);
});

test('paths outside the renderer folder are not served', async (t) => {
  const { port, host, token } = await serve(t);
  const cookie = await login(port, host, token);
  for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/..%2fsecret.txt', '/%E0%A4%A']) {
    const res = await send(port, { path, headers: { host, cookie } });
    assert.equal(res.status, 404, path);
    assert.ok(!res.body.includes('outside the renderer'));
  }
});

test('malformed JSON and unknown channels are typed errors', async (t) => {
  const { port, host, token } = await serve(t);
  const cookie = await login(port, host, token);
  const broken = await send(port, {
    method: 'POST',
    path: '/api/invoke/clients:create',
    headers: json(cookie, host),
    body: '{"name": ',
  });
  assert.equal((JSON.parse(broken.body) as { error: { code: string } }).error.code, 'BAD_REQUEST');
  const unknown = await send(port, {
    method: 'POST',
    path: '/api/invoke/fs:read',
    headers: json(cookie, host),
    body: '{}',
  });
  assert.equal(
    (JSON.parse(unknown.body) as { error: { code: string } }).error.code,
    'UNKNOWN_CHANNEL',
  );
});
