import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { request } from 'node:http';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test, type TestContext } from 'node:test';
import { escapeHtml } from '../../main/reports/escape.ts';
import { createServices } from '../../main/services.ts';
import { startWebServer } from '../../main/web/server.ts';
import type { WireResult } from '../../shared/errors.ts';
import { requestLimitFor } from '../../shared/web-protocol.ts';
import { handlerCaller } from '../support/handler-caller.ts';
import { memoryKeychain } from '../support/memory-keychain.ts';
import { tempDir } from '../support/temp-dir.ts';

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

interface Request {
  method?: string;
  path: string;
  headers?: Record<string, string>;
  body?: string;
  /** Where to connect (the Host header is separate): 127.0.0.1 unless a test says otherwise. */
  address?: string;
}

/** Raw HTTP, so tests can send the Host and Origin headers a browser or an attacker would. */
function send(port: number, options: Request): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: options.address ?? '127.0.0.1',
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
  const call = handlerCaller(services);
  return {
    services,
    server,
    port,
    token,
    host,
    clientNames: async () => (await call('clients:list', {})).map((c) => c.name),
  };
}

/** What the renderer reads from a refused API call. */
const refusal = (reply: Reply) => {
  assert.match(String(reply.headers['content-type']), /^application\/json/);
  const result = JSON.parse(reply.body) as WireResult<never>;
  assert.equal(result.ok, false);
  return result.ok ? undefined : result.error;
};

/** The sentence of a refusal page a person reads. */
const pageSays = (reply: Reply, text: string): void => {
  assert.match(String(reply.headers['content-type']), /^text\/html/);
  assert.ok(reply.body.includes(`<p>${escapeHtml(text)}</p>`), reply.body);
};

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

test('it listens on 127.0.0.1 only: not on the other addresses of this computer', async (t) => {
  const { server, port, host } = await serve(t);
  assert.match(server.url, /^http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]{40,}$/);
  assert.equal((await send(port, { path: '/', headers: { host } })).status, 401);
  // All of 127/8 is this computer on Linux: a server on 0.0.0.0 (every network) or :: answers
  // at 127.0.0.2 too, one bound to 127.0.0.1 does not.
  await assert.rejects(send(port, { path: '/', headers: { host }, address: '127.0.0.2' }), {
    code: 'ECONNREFUSED',
  });
});

test('without the token, with a wrong one, or with a used one, nothing is served', async (t) => {
  const { services, port, host, token } = await serve(t);
  const page = await send(port, { path: '/', headers: { host } });
  assert.equal(page.status, 401);
  pageSays(page, services.t('app:browserMode.sessionMissing'));
  assert.match(page.body, /Run “partner-setup ui” again/);
  assert.equal((await send(port, { path: '/?token=wrong', headers: { host } })).status, 403);
  const invoke = await send(port, {
    method: 'POST',
    path: '/api/invoke/clients:list',
    headers: { host, 'content-type': 'application/json', 'x-partner-setup': '1' },
    body: '{}',
  });
  assert.equal(invoke.status, 401);
  assert.deepEqual(refusal(invoke), {
    code: 'FORBIDDEN',
    message: services.t('app:browserMode.sessionMissing'),
  });
  await login(port, host, token);
  // The link is one-time: a second browser (or someone reading the history) cannot use it.
  const reused = await send(port, { path: `/?token=${token}`, headers: { host } });
  assert.equal(reused.status, 403);
  pageSays(reused, services.t('app:browserMode.linkUsed'));
});

test('refusals are told in the CSM’s language, on pages and to the app', async (t) => {
  const { services, port, host } = await serve(t);
  await services.store.updateSettings({ language: 'de' });
  const german = await send(port, { path: '/?token=wrong', headers: { host } });
  assert.match(german.body, /<html lang="de">/);
  assert.match(german.body, /Link wurde bereits verwendet/);
  const noSession = await send(port, { path: '/', headers: { host } });
  assert.match(noSession.body, /nicht im Browsermodus angemeldet/);
  const api = await send(port, {
    method: 'POST',
    path: '/api/invoke/clients:list',
    headers: { host, 'content-type': 'application/json', 'x-partner-setup': '1' },
    body: '{}',
  });
  assert.match(refusal(api)?.message ?? '', /Führen Sie „partner-setup ui“ erneut aus/);
  await services.store.updateSettings({ language: 'fr' });
  const rebound = await send(port, { path: '/', headers: { host: `evil.example:${port}` } });
  assert.equal(rebound.status, 421);
  pageSays(rebound, services.t('app:browserMode.wrongHost'));
  assert.match(rebound.body, /ne répond qu’à l’adresse/);
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

test('a channel name that is not valid percent-encoding is a 400 with a typed error, not a 500', async (t) => {
  const { port, host, token, clientNames } = await serve(t);
  const cookie = await login(port, host, token);
  for (const name of ['%E0%A4%A', '%', 'clients%3Acreate%FF']) {
    const reply = await send(port, {
      method: 'POST',
      path: `/api/invoke/${name}`,
      headers: json(cookie, host),
      body: '{"name":"Acme","integrations":["jacquard"]}',
    });
    assert.equal(reply.status, 400, name);
    const error = refusal(reply);
    assert.equal(error?.code, 'UNKNOWN_CHANNEL', name);
    assert.equal(error?.message, 'This action does not exist in this version of the app.', name);
  }
  assert.deepEqual(await clientNames(), [], 'nothing was created');
});

test('creating a client without the session, with a forged one or through a rebound name is refused', async (t) => {
  const { port, host, token, clientNames } = await serve(t);
  const cookie = await login(port, host, token);
  const forged = `partner_setup_session=${randomBytes(32).toString('base64url')}`;
  const attempts: [string, Record<string, string>][] = [
    ['no cookie', { ...json(cookie, host), cookie: '' }],
    ['a forged cookie', json(forged, host)],
    ['a rebinding Host', json(cookie, `attacker.example:${port}`)],
  ];
  for (const [what, headers] of attempts) {
    const res = await send(port, {
      method: 'POST',
      path: '/api/invoke/clients:create',
      headers,
      body: JSON.stringify({ name: `Injected with ${what}`, integrations: ['jacquard'] }),
    });
    assert.ok([401, 421].includes(res.status), `${what}: ${res.status}`);
    assert.equal(refusal(res)?.code, 'FORBIDDEN', what);
  }
  assert.deepEqual(await clientNames(), []);
});

test('a cross-site form post carrying JSON as text/plain is refused, with or without its Origin', async (t) => {
  const { port, host, token, clientNames } = await serve(t);
  const cookie = await login(port, host, token);
  // What <form enctype="text/plain"> on another site can send: no custom header, a simple
  // content type, a body that happens to parse as JSON. Browsers would not even attach a
  // SameSite=Strict cookie; the server must refuse it anyway.
  const form = {
    method: 'POST',
    path: '/api/invoke/clients:create',
    body: '{"name": "Injected", "integrations": ["jacquard"], "x": "="}',
  };
  const headers = { host, cookie, 'content-type': 'text/plain' };
  const crossSite = await send(port, {
    ...form,
    headers: { ...headers, origin: 'https://evil.example' },
  });
  assert.equal(crossSite.status, 403);
  assert.equal(refusal(crossSite)?.code, 'FORBIDDEN');
  // Some privacy tools strip Origin: the missing API header still gives the post away.
  const noOrigin = await send(port, { ...form, headers });
  assert.equal(noOrigin.status, 403);
  assert.equal(refusal(noOrigin)?.code, 'FORBIDDEN');
  assert.deepEqual(await clientNames(), []);
});

/**
 * Streams a body in 1 MB chunks until the server answers or `bytes` are sent, then hangs up: the
 * test sends only as much as it takes the server to refuse.
 */
function streamUntilAnswered(
  port: number,
  path: string,
  headers: Record<string, string>,
  bytes: number,
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    let sent = 0;
    let answered = false;
    const req = request({ host: '127.0.0.1', port, method: 'POST', path, headers }, (res) => {
      answered = true;
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => {
        req.destroy();
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body });
      });
    });
    req.on('error', (error) => {
      if (!answered) reject(error);
    });
    const chunk = Buffer.alloc(1024 * 1024, 'a');
    const writeMore = (): void => {
      while (!answered && sent < bytes) {
        sent += chunk.length;
        if (!req.write(chunk)) return void req.once('drain', writeMore);
      }
      if (!answered) req.end();
    };
    req.write('{"onConflict": "new", "text": "');
    writeMore();
  });
}

test('a bundle over the size limit is refused before it is read, and the server carries on', async (t) => {
  const { services, port, host, token, clientNames } = await serve(t);
  const cookie = await login(port, host, token);
  const limit = requestLimitFor('bundles:import');
  const oversized = await streamUntilAnswered(
    port,
    '/api/invoke/bundles:import',
    json(cookie, host),
    limit + 2 * 1024 * 1024,
  );
  assert.equal(oversized.status, 413);
  assert.deepEqual(refusal(oversized), {
    code: 'BAD_REQUEST',
    message: services.t('app:browserMode.tooLarge', { megabytes: '12' }),
  });
  assert.match(refusal(oversized)?.message ?? '', /at most 12 MB/);
  assert.deepEqual(await clientNames(), []);
  const after = await send(port, {
    method: 'POST',
    path: '/api/invoke/clients:list',
    headers: json(cookie, host),
    body: '{}',
  });
  assert.deepEqual(JSON.parse(after.body), { ok: true, value: [] });
});
