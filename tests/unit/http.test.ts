import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, describe, it } from 'node:test';
import { NetError } from '../../main/net/errors.ts';
import { createHttpClient } from '../../main/net/http-client.ts';
import { backoffDelayMs, rateLimitWaitMs } from '../../main/net/retry-timing.ts';
import {
  assertAllowedUrl,
  insecureLoopbackFromEnv,
  withInsecureLoopbackSwitch,
  isLoopbackHost,
} from '../../main/net/url-policy.ts';

type Reply = (req: IncomingMessage, res: ServerResponse) => void;

/** A loopback server answering each request with the next scripted reply (the last one repeats). */
async function scripted(replies: Reply[]) {
  const seen: { at: number; path: string }[] = [];
  const server = createServer((req, res) => {
    seen.push({ at: Date.now(), path: req.url ?? '' });
    const reply = replies[Math.min(seen.length - 1, replies.length - 1)] as Reply;
    req.resume();
    req.on('end', () => reply(req, res));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    seen,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

const json =
  (status: number, body: unknown, headers: Record<string, string> = {}): Reply =>
  (_req, res) => {
    res.writeHead(status, { 'content-type': 'application/json', ...headers });
    res.end(JSON.stringify(body));
  };
const hang: Reply = () => undefined;

const client = (over: Partial<Parameters<typeof createHttpClient>[0]> = {}) =>
  createHttpClient({ allowInsecureLoopback: true, backoffBaseMs: 20, ...over });

const rejectsWith = async (
  promise: Promise<unknown>,
  kind: NetError['kind'],
): Promise<NetError> => {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof NetError, `expected NetError, got ${String(error)}`);
    assert.equal(error.kind, kind);
    return error;
  }
  assert.fail(`expected a ${kind} NetError`);
};

describe('url policy', () => {
  for (const [host, loopback] of [
    ['127.0.0.1', true],
    ['127.12.0.9', true],
    ['localhost', true],
    ['[::1]', true],
    ['::1', true],
    ['128.0.0.1', false],
    ['10.0.0.1', false],
    ['example.com', false],
    ['127.0.0.1.nip.io', false],
  ] as const) {
    it(`${host} is ${loopback ? '' : 'not '}loopback`, () =>
      assert.equal(isLoopbackHost(host), loopback));
  }

  it('refuses plain http to a remote host even when insecure loopback is allowed', () => {
    assert.throws(() => assertAllowedUrl('http://rest.iad-03.braze.com/x', true), {
      kind: 'insecure_url',
    });
  });
  it('refuses plain http to loopback unless allowed', () => {
    assert.throws(() => assertAllowedUrl('http://127.0.0.1:9/x', false), { kind: 'insecure_url' });
    assert.equal(assertAllowedUrl('http://127.0.0.1:9/x', true).host, '127.0.0.1:9');
    assert.equal(assertAllowedUrl('http://localhost:9/x', true).hostname, 'localhost');
  });
  it('accepts https anywhere and refuses other schemes', () => {
    assert.equal(
      assertAllowedUrl('https://rest.fra-01.braze.eu', false).host,
      'rest.fra-01.braze.eu',
    );
    assert.throws(() => assertAllowedUrl('file:///etc/passwd', true), { kind: 'insecure_url' });
    assert.throws(() => assertAllowedUrl('not a url', true), { kind: 'invalid_url' });
  });
  it('reads PARTNER_SETUP_ALLOW_INSECURE_LOOPBACK', () => {
    assert.equal(insecureLoopbackFromEnv({ PARTNER_SETUP_ALLOW_INSECURE_LOOPBACK: '1' }), true);
    assert.equal(insecureLoopbackFromEnv({ PARTNER_SETUP_ALLOW_INSECURE_LOOPBACK: '0' }), false);
    assert.equal(insecureLoopbackFromEnv({}), false);
  });

  it('the --allow-insecure-loopback switch of the desktop app and browser mode sets the same variable', () => {
    const env = { HOME: '/home/csm' };
    assert.equal(insecureLoopbackFromEnv(withInsecureLoopbackSwitch(env, true)), true);
    assert.equal(insecureLoopbackFromEnv(withInsecureLoopbackSwitch(env, false)), false);
    assert.deepEqual(env, { HOME: '/home/csm' }, 'the process environment is left alone');
  });
});

describe('retry timing', () => {
  it('grows exponentially with jitter between half and the full ceiling', () => {
    assert.equal(
      backoffDelayMs(1, 100, () => 0),
      50,
    );
    assert.equal(
      backoffDelayMs(1, 100, () => 1),
      100,
    );
    assert.equal(
      backoffDelayMs(3, 100, () => 0.5),
      300,
    );
  });
  it('reads x-ratelimit-reset as UTC epoch seconds, lowercase', () => {
    const headers = new Headers({ 'X-RateLimit-Reset': '1000' });
    assert.equal(rateLimitWaitMs(headers, 998_500), 1500);
    assert.equal(rateLimitWaitMs(headers, 1_200_000), 0);
    assert.equal(rateLimitWaitMs(new Headers(), 0), null);
    assert.equal(rateLimitWaitMs(new Headers({ 'x-ratelimit-reset': 'soon' }), 0), null);
  });
});

describe('HttpClient against a loopback server', () => {
  it('never contacts a plain-http loopback server unless insecure loopback is allowed', async () => {
    const server = await scripted([json(200, { ok: true })]);
    after(server.close);
    await rejectsWith(
      client({ allowInsecureLoopback: false }).request({ method: 'GET', url: server.url }),
      'insecure_url',
    );
    assert.equal(server.seen.length, 0);
  });

  it('retries a 5xx twice and returns the success, counting attempts', async () => {
    const server = await scripted([
      json(503, {}),
      json(502, {}),
      json(200, { message: 'success' }),
    ]);
    after(server.close);
    const res = await client().request({ method: 'GET', url: `${server.url}/x` });
    assert.equal(res.status, 200);
    assert.deepEqual(res.body, { message: 'success' });
    assert.equal(res.attempts, 3);
    assert.equal(server.seen.length, 3);
  });

  it('gives up after two retries and returns the last 5xx', async () => {
    const server = await scripted([json(500, { message: 'boom' })]);
    after(server.close);
    const res = await client().request({ method: 'POST', url: server.url, body: {} });
    assert.equal(res.status, 500);
    assert.equal(server.seen.length, 3);
  });

  for (const status of [400, 401, 403, 404, 409]) {
    it(`does not retry a ${status}`, async () => {
      const server = await scripted([json(status, { message: 'no' }), json(200, {})]);
      after(server.close);
      const res = await client().request({ method: 'GET', url: server.url });
      assert.equal(res.status, status);
      assert.equal(server.seen.length, 1);
    });
  }

  it('waits for x-ratelimit-reset after a 429, then succeeds', async () => {
    let reset = 0;
    const server = await scripted([
      (req, res) => {
        reset = Math.floor(Date.now() / 1000) + 1;
        json(
          429,
          { message: 'Over rate limit.' },
          { 'x-ratelimit-reset': String(reset) },
        )(req, res);
      },
      json(200, { message: 'success' }),
    ]);
    after(server.close);
    const res = await client().request({ method: 'GET', url: server.url });
    assert.equal(res.status, 200);
    assert.equal(server.seen.length, 2);
    assert.ok(
      (server.seen[1]?.at ?? 0) >= reset * 1000,
      'the retry came before the announced reset',
    );
  });

  it('reports a 429 at once when its reset is beyond the cap', async () => {
    const far = String(Math.floor(Date.now() / 1000) + 3600);
    const server = await scripted([
      json(429, { message: 'Over rate limit.' }, { 'x-ratelimit-reset': far }),
    ]);
    after(server.close);
    const res = await client({ maxRateLimitWaitMs: 5000 }).request({
      method: 'GET',
      url: server.url,
    });
    assert.equal(res.status, 429);
    assert.equal(server.seen.length, 1);
  });

  it('times out a hanging response once, without retrying it', async () => {
    const server = await scripted([hang]);
    after(server.close);
    const error = await rejectsWith(
      client({ timeoutMs: 150 }).request({ method: 'GET', url: server.url }),
      'timeout',
    );
    assert.equal(error.host, new URL(server.url).host);
    assert.equal(server.seen.length, 1);
  });

  it('is cancelled by the caller’s signal', async () => {
    const server = await scripted([hang]);
    after(server.close);
    const controller = new AbortController();
    const pending = client().request({ method: 'GET', url: server.url }, controller.signal);
    setTimeout(() => controller.abort(), 50);
    await rejectsWith(pending, 'cancelled');
  });

  it('retries a refused connection twice, then reports a network error', async () => {
    const server = await scripted([json(200, {})]);
    const { url } = server;
    await server.close();
    const error = await rejectsWith(client().request({ method: 'GET', url }), 'network');
    assert.equal(error.attempts, 3);
    assert.match(error.message, /ECONNREFUSED/);
  });

  it('refuses a body larger than the bound', async () => {
    const server = await scripted([(_req, res) => res.end('x'.repeat(5000))]);
    after(server.close);
    await rejectsWith(
      client({ maxBodyBytes: 1000 }).request({ method: 'GET', url: server.url }),
      'body_too_large',
    );
  });

  it('parses JSON bodies and keeps other text as text', async () => {
    const server = await scripted([json(200, { a: [1] }), (_req, res) => res.end('plain words')]);
    after(server.close);
    const http = client();
    assert.deepEqual((await http.request({ method: 'GET', url: server.url })).body, { a: [1] });
    const text = await http.request({ method: 'GET', url: server.url });
    assert.equal(text.body, 'plain words');
    assert.equal(text.text, 'plain words');
  });
});
