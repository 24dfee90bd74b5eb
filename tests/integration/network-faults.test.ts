import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import {
  createServer,
  type IncomingMessage,
  type Server as HttpServer,
  type ServerResponse,
} from 'node:http';
import { createServer as createTlsServer, type Server as HttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';
import { outcomeForError } from '../../main/checks/outcomes.ts';
import { NetError, type NetErrorKind } from '../../main/net/errors.ts';
import { createHttpClient, type HttpClientOptions } from '../../main/net/http-client.ts';
import type { HttpResponse } from '../../main/net/types.ts';
import { translator } from '../../main/translate.ts';
import { languages } from '../../shared/types/ids.ts';

// Every way a partner's API can misbehave, played by loopback servers against the engine's one
// HttpClient: each ends in a typed result within its time budget, is retried a bounded number of
// times (counted by the server), and reads as a translated status in every language.

type Reply = (req: IncomingMessage, res: ServerResponse) => void;

interface Fake {
  url: string;
  requests: () => number;
  close: () => Promise<void>;
}

async function listen(
  server: HttpServer | HttpsServer,
  scheme: 'http' | 'https',
  counter: () => number,
) {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `${scheme}://127.0.0.1:${port}/api`,
    requests: counter,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  } satisfies Fake;
}

async function fake(reply: Reply): Promise<Fake> {
  let count = 0;
  const server = createServer((req, res) => {
    count++;
    reply(req, res);
  });
  const f = await listen(server, 'http', () => count);
  after(f.close);
  return f;
}

const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => void unhandled.push(reason);
process.on('unhandledRejection', onUnhandled);

const options: HttpClientOptions = {
  allowInsecureLoopback: true,
  timeoutMs: 400,
  backoffBaseMs: 20,
};
const client = (over: Partial<HttpClientOptions> = {}) => createHttpClient({ ...options, ...over });

/** Runs a request and returns what it ended with, and how long it took. */
async function outcome(
  promise: Promise<HttpResponse>,
): Promise<{ response?: HttpResponse; error?: NetError; ms: number }> {
  const started = Date.now();
  try {
    const response = await promise;
    return { response, ms: Date.now() - started };
  } catch (error) {
    assert.ok(error instanceof NetError, `not a typed NetError: ${String(error)}`);
    return { error, ms: Date.now() - started };
  }
}

/** The status a check shows for this error, translated in every language, never a raw key. */
function assertClearStatus(error: NetError, kind: NetErrorKind) {
  assert.equal(error.kind, kind);
  const shown = outcomeForError(error);
  assert.equal(shown.status, 'inconclusive');
  for (const language of languages) {
    const text = translator(() => language)(shown.messageKey, shown.params);
    assert.notEqual(text, shown.messageKey.split(':')[1], `${language}: untranslated`);
    assert.ok(!text.includes('{{'), `${language}: unfilled placeholder in "${text}"`);
    assert.ok(text.includes(error.host), `${language}: the host is not named in "${text}"`);
  }
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}): Reply => {
  return (_req, res) => {
    res.writeHead(status, { 'content-type': 'application/json', ...headers });
    res.end(JSON.stringify(body));
  };
};

describe('network faults against the HttpClient', () => {
  after(() => {
    process.off('unhandledRejection', onUnhandled);
    assert.deepEqual(unhandled, [], 'unhandled promise rejections');
  });

  it('connection refused: a network error after 3 bounded attempts', async () => {
    const server = await fake(json(200, {}));
    await server.close();
    const { error, ms } = await outcome(client().request({ method: 'GET', url: server.url }));
    assert.ok(error);
    assertClearStatus(error, 'network');
    assert.equal(error.attempts, 3);
    assert.match(error.message, /ECONNREFUSED/);
    assert.ok(ms < 2_000, `took ${ms} ms`);
  });

  it('DNS failure: an unresolvable host is a network error naming it', async () => {
    const { error, ms } = await outcome(
      client({ retries: 0 }).request({ method: 'GET', url: 'https://no-such-host.invalid/api' }),
    );
    assert.ok(error);
    assert.equal(error.host, 'no-such-host.invalid');
    assertClearStatus(error, error.kind === 'offline' ? 'offline' : 'network');
    assert.match(error.message, /ENOTFOUND|EAI_AGAIN/);
    assert.ok(ms < 5_000, `took ${ms} ms`);
  });

  describe('TLS failure', () => {
    let tls: Fake;
    before(async () => {
      const dir = await mkCert();
      let count = 0;
      const server = createTlsServer(
        { key: await readFile(join(dir, 'key.pem')), cert: await readFile(join(dir, 'cert.pem')) },
        (_req, res) => {
          count++;
          res.end('{}');
        },
      );
      tls = await listen(server, 'https', () => count);
    });
    after(() => tls.close());

    it('a self-signed certificate is refused once, not retried, and never reaches the handler', async () => {
      const { error } = await outcome(client().request({ method: 'GET', url: tls.url }));
      assert.ok(error);
      assertClearStatus(error, 'tls');
      assert.equal(error.attempts, 1, 'a certificate does not fix itself on retry');
      assert.match(error.message, /SELF_SIGNED|CERT/);
      assert.equal(tls.requests(), 0, 'a request was sent over an untrusted connection');
    });
  });

  it('a server that never answers: one timeout, not retried', async () => {
    const server = await fake(() => undefined);
    const { error, ms } = await outcome(client().request({ method: 'GET', url: server.url }));
    assert.ok(error);
    assertClearStatus(error, 'timeout');
    assert.equal(server.requests(), 1);
    assert.ok(ms >= 350 && ms < 1_500, `took ${ms} ms`);
  });

  it('a slow trickling body is cut off by the same timeout', async () => {
    const server = await fake((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"segments": [');
      const drip = setInterval(() => res.write('1,'), 50);
      res.on('close', () => clearInterval(drip));
    });
    const { error, ms } = await outcome(client().request({ method: 'GET', url: server.url }));
    assert.ok(error);
    assertClearStatus(error, 'timeout');
    assert.equal(server.requests(), 1);
    assert.ok(ms < 1_500, `took ${ms} ms`);
  });

  it('5xx: retried twice (3 requests), then the last answer is returned', async () => {
    const server = await fake(json(503, { message: 'Service Unavailable' }));
    const { response } = await outcome(client().request({ method: 'GET', url: server.url }));
    assert.equal(response?.status, 503);
    assert.equal(response?.attempts, 3);
    assert.equal(server.requests(), 3);
  });

  for (const status of [400, 401, 403, 404]) {
    it(`${status}: answered once, never retried`, async () => {
      const server = await fake(json(status, { message: 'no' }));
      const { response } = await outcome(client().request({ method: 'GET', url: server.url }));
      assert.equal(response?.status, status);
      assert.equal(server.requests(), 1);
    });
  }

  it('429 with lowercase x-ratelimit-reset: waits for the reset each time, a bounded number of times', async () => {
    const seen: { at: number; reset: number }[] = [];
    const server = await fake((req, res) => {
      const reset = Math.floor(Date.now() / 1000) + 1;
      seen.push({ at: Date.now(), reset });
      json(429, { message: 'Over rate limit' }, { 'x-ratelimit-reset': String(reset) })(req, res);
    });
    const { response } = await outcome(client().request({ method: 'GET', url: server.url }));
    assert.equal(response?.status, 429, 'the last 429 is reported, not swallowed');
    assert.equal(server.requests(), 3, '1 request + 2 waits for the reset, then stop');
    for (let i = 1; i < seen.length; i++) {
      const announced = (seen[i - 1]?.reset ?? 0) * 1000;
      assert.ok((seen[i]?.at ?? 0) >= announced, `retry ${i} came before the announced reset`);
    }
  });

  it('malformed JSON: the text comes back as text, once, without a throw', async () => {
    const server = await fake((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"message": "succ');
    });
    const { response } = await outcome(client().request({ method: 'GET', url: server.url }));
    assert.equal(response?.status, 200);
    assert.equal(response?.body, '{"message": "succ');
    assert.equal(server.requests(), 1);
  });

  it('an oversized body (declared or streamed without end) is refused, not buffered', async () => {
    const declared = await fake((_req, res) => {
      res.writeHead(200, { 'content-length': String(50 * 1024 * 1024) });
      res.write('x'.repeat(1024));
    });
    const first = await outcome(client().request({ method: 'GET', url: declared.url }));
    assert.ok(first.error);
    assertClearStatus(first.error, 'body_too_large');
    assert.equal(declared.requests(), 1);

    const endless = await fake((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      const chunk = Buffer.alloc(64 * 1024, 'x');
      const pump = () => {
        while (!res.destroyed && res.write(chunk));
      };
      res.on('drain', pump);
      pump();
    });
    const second = await outcome(
      client({ timeoutMs: 5_000 }).request({ method: 'GET', url: endless.url }),
    );
    assert.ok(second.error, 'an endless body was read to the end');
    assertClearStatus(second.error, 'body_too_large');
    assert.equal(endless.requests(), 1);
  });
});

/** A throwaway self-signed certificate for 127.0.0.1, made with openssl at test time. */
async function mkCert(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'partner-setup-tls-'));
  after(() => rm(dir, { recursive: true, force: true }));
  await promisify(execFile)('openssl', [
    'req',
    '-x509',
    '-newkey',
    'ec',
    '-pkeyopt',
    'ec_paramgen_curve:prime256v1',
    '-nodes',
    '-keyout',
    join(dir, 'key.pem'),
    '-out',
    join(dir, 'cert.pem'),
    '-days',
    '1',
    '-subj',
    '/CN=127.0.0.1',
    '-addext',
    'subjectAltName=IP:127.0.0.1',
  ]);
  return dir;
}
