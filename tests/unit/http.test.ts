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

/**
 * A clock the test moves: `sleep` records each wait and advances time at once, so what is checked
 * is which waits the client chose, never how fast this machine is.
 */
function fakeClock() {
  // Starts on a whole second near the real time, so a client that read the real clock instead
  // would wait for real, and fail the test by its time limit.
  let now = Math.ceil(Date.now() / 1000) * 1000;
  const sleeps: number[] = [];
  return {
    sleeps,
    now: () => now,
    clock: {
      now: () => now,
      sleep: (ms: number) => {
        sleeps.push(ms);
        now += ms;
        return Promise.resolve();
      },
    },
  };
}

/** A 429 announcing a reset `inS` seconds after the fake clock's now. */
const tooMany =
  (time: { now(): number }, inS: number): Reply =>
  (req, res) =>
    json(
      429,
      { message: 'Over rate limit.' },
      { 'x-ratelimit-reset': String(Math.floor(time.now() / 1000) + inS) },
    )(req, res);

describe('429 waits stay within the time a request has', () => {
  // Each of these waited 55 s or more before the fix: the limit makes such a wait a failure.
  const noRealWait = { timeout: 20_000 };

  it(
    'a reset beyond the request’s timeout is not waited for: the 429 comes back at once',
    noRealWait,
    async () => {
      const time = fakeClock();
      const server = await scripted([tooMany(time, 55), json(200, {})]);
      after(server.close);
      const res = await client({ clock: time.clock, random: () => 0, timeoutMs: 10_000 }).request({
        method: 'GET',
        url: server.url,
      });
      assert.equal(res.status, 429);
      assert.equal(server.seen.length, 1);
      assert.deepEqual(time.sleeps, []);
    },
  );

  it('the caller’s time left (the check’s limit) bounds the wait as well', noRealWait, async () => {
    const time = fakeClock();
    const server = await scripted([tooMany(time, 30), json(200, {})]);
    after(server.close);
    const res = await client({ clock: time.clock, random: () => 0, timeoutMs: 120_000 }).request(
      { method: 'GET', url: server.url },
      undefined,
      { timeLeftMs: 5_000 },
    );
    assert.equal(res.status, 429);
    assert.equal(server.seen.length, 1);
    assert.deepEqual(time.sleeps, []);
  });

  it('a reset within the time left is waited for, until the reset and no longer', async () => {
    const time = fakeClock();
    const server = await scripted([tooMany(time, 3), json(200, { message: 'success' })]);
    after(server.close);
    const started = time.now();
    const res = await client({ clock: time.clock, random: () => 0, timeoutMs: 10_000 }).request({
      method: 'GET',
      url: server.url,
    });
    assert.equal(res.status, 200);
    assert.equal(server.seen.length, 2);
    assert.equal(time.sleeps.length, 1);
    const reset = (Math.floor(started / 1000) + 3) * 1000;
    assert.equal(started + (time.sleeps[0] ?? 0), reset);
  });

  it('a request marked no-retry is sent once, whatever its 429 announces', noRealWait, async () => {
    const time = fakeClock();
    const server = await scripted([tooMany(time, 1), json(200, {})]);
    after(server.close);
    const res = await client({ clock: time.clock, random: () => 0 }).request({
      method: 'POST',
      url: server.url,
      body: { events: [] },
      retry: false,
    });
    assert.equal(res.status, 429);
    assert.equal(server.seen.length, 1);
  });
});

describe('a host that answered 429 with a reset is left alone until then', () => {
  it('every later request to that host waits for the reset, and the wait is announced', async () => {
    const time = fakeClock();
    const limited = await scripted([tooMany(time, 4), json(200, { message: 'success' })]);
    const other = await scripted([json(200, { message: 'success' })]);
    after(limited.close);
    after(other.close);
    const http = client({ clock: time.clock, random: () => 0 });
    const first = await http.request({ method: 'POST', url: `${limited.url}/a`, retry: false });
    assert.equal(first.status, 429);
    const reset = (Math.floor(time.now() / 1000) + 4) * 1000;

    // Another host is not held.
    await http.request({ method: 'GET', url: `${other.url}/b` });
    assert.deepEqual(time.sleeps, []);

    const waits: { host: string; waitMs: number }[] = [];
    const second = await http.request(
      { method: 'GET', url: `${limited.url}/c?page=1` },
      undefined,
      {
        onRateLimitWait: (wait) => waits.push(wait),
      },
    );
    assert.equal(second.status, 200);
    assert.deepEqual(
      limited.seen.map((s) => s.path),
      ['/a', '/c?page=1'],
    );
    assert.deepEqual(waits, [{ host: new URL(limited.url).host, waitMs: time.sleeps[0] }]);
    assert.equal(time.now(), reset, 'sent at the reset, not before');
  });

  it('a request whose time runs out before the reset is not sent at all', async () => {
    const time = fakeClock();
    const limited = await scripted([tooMany(time, 30), json(200, {})]);
    after(limited.close);
    const http = client({ clock: time.clock, random: () => 0, timeoutMs: 10_000 });
    assert.equal((await http.request({ method: 'GET', url: `${limited.url}/a` })).status, 429);
    const error = await rejectsWith(
      http.request({ method: 'GET', url: `${limited.url}/b` }),
      'rate_limited',
    );
    assert.equal(error.host, new URL(limited.url).host);
    assert.equal(limited.seen.length, 1, 'nothing more was sent to the host');
    assert.deepEqual(time.sleeps, []);
  });
});
