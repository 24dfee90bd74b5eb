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
import { brazeChecks } from '../../main/integrations/braze/checks.ts';
import { runChecks } from '../../main/checks/engine.ts';
import { outcomeForError } from '../../main/checks/outcomes.ts';
import { apiKeyCheck } from '../../main/integrations/optimizely/checks/api-key.ts';
import { s3CredentialsCheck } from '../../main/integrations/jacquard/s3/checks/credentials.ts';
import { NetError, type NetErrorKind } from '../../main/net/errors.ts';
import { createHttpClient, type HttpClientOptions } from '../../main/net/http-client.ts';
import type { HttpResponse } from '../../main/net/types.ts';
import { translator } from '../../main/translate.ts';
import type { CheckResult } from '../../shared/types/checks.ts';
import { languages } from '../../shared/types/ids.ts';
import { secretsOf, testClient } from '../support/check-fixtures.ts';

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

/**
 * The request timeout of every case whose fault is not silence: far beyond what a loopback answer
 * needs on a loaded 2-core machine, so such a case can only end in its own verdict, never in
 * "did not answer" (at 400 ms, a busy CI machine turned a login page and an oversized body into
 * timeouts).
 */
const PATIENT_TIMEOUT_MS = 30_000;
/**
 * The request timeout of the cases whose fault IS silence (no answer, a trickle that never ends):
 * short, since load can only make these end later, never in another verdict.
 */
const SILENCE_TIMEOUT_MS = 400;

const options: HttpClientOptions = {
  allowInsecureLoopback: true,
  timeoutMs: PATIENT_TIMEOUT_MS,
  backoffBaseMs: 20,
};
const client = (over: Partial<HttpClientOptions> = {}) => createHttpClient({ ...options, ...over });
const silenceClient = (over: Partial<HttpClientOptions> = {}) =>
  client({ timeoutMs: SILENCE_TIMEOUT_MS, ...over });

/**
 * Slack for a loaded 2-core CI machine, over 40 times the silence timeout. A request that hangs or
 * is retried without end still blows through it; a slow scheduler does not (retries are counted by
 * the servers, not timed).
 */
const LOAD_ALLOWANCE_MS = 20_000;

/**
 * The longest a request may take and still have ended "within its timeout": every attempt using
 * the whole timeout, every backoff at its ceiling, plus the allowance.
 */
const budget = (attempts: number, timeoutMs = PATIENT_TIMEOUT_MS) =>
  attempts * timeoutMs +
  Array.from({ length: attempts - 1 }, (_, i) => (options.backoffBaseMs ?? 0) * 2 ** i).reduce(
    (a, b) => a + b,
    0,
  ) +
  LOAD_ALLOWANCE_MS;

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
  // No network at all is a skip that keeps the last result; any other fault is inconclusive.
  assert.equal(shown.status, kind === 'offline' ? 'skipped' : 'inconclusive');
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

/** Starts an answer with `head`, then drips `drip` every 50 ms and never ends it. */
const trickling = (type: string, head: string, drip: string): Reply => {
  return (_req, res) => {
    res.writeHead(200, { 'content-type': type });
    res.write(head);
    const timer = setInterval(() => res.write(drip), 50);
    res.on('close', () => clearInterval(timer));
  };
};

/**
 * An answer that never ends: 64 MB (far past every cap) as fast as the client reads, then silence.
 * Bounded, so a client without a cap fails on its timeout instead of filling the machine's memory.
 */
const endless = (type: string): Reply => {
  return (_req, res) => {
    res.writeHead(200, { 'content-type': type });
    const chunk = Buffer.alloc(64 * 1024, ' ');
    let left = 1024;
    const pump = () => {
      while (!res.destroyed && left-- > 0 && res.write(chunk));
    };
    res.on('drain', pump);
    pump();
  };
};

after(() => {
  process.off('unhandledRejection', onUnhandled);
  assert.deepEqual(unhandled, [], 'unhandled promise rejections');
});

describe('network faults against the HttpClient', () => {
  it('connection refused: a network error after 3 bounded attempts', async () => {
    const server = await fake(json(200, {}));
    await server.close();
    const { error, ms } = await outcome(client().request({ method: 'GET', url: server.url }));
    assert.ok(error);
    assertClearStatus(error, 'network');
    assert.equal(error.attempts, 3);
    assert.match(error.message, /ECONNREFUSED/);
    assert.ok(ms < budget(3), `took ${ms} ms`);
  });

  it('DNS failure: an unresolvable host is a network error naming it', async () => {
    const { error, ms } = await outcome(
      client({ retries: 0 }).request({ method: 'GET', url: 'https://no-such-host.invalid/api' }),
    );
    assert.ok(error);
    assert.equal(error.host, 'no-such-host.invalid');
    assertClearStatus(error, error.kind === 'offline' ? 'offline' : 'network');
    assert.match(error.message, /ENOTFOUND|EAI_AGAIN/);
    assert.ok(ms < budget(1), `took ${ms} ms`);
  });

  describe('TLS failure', () => {
    let tls: Fake;
    before(async () => {
      tls = await selfSignedFake();
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
    const { error, ms } = await outcome(
      silenceClient().request({ method: 'GET', url: server.url }),
    );
    assert.ok(error);
    assertClearStatus(error, 'timeout');
    assert.equal(server.requests(), 1);
    // Not before the timeout (it did wait), and not without end after it.
    assert.ok(ms >= SILENCE_TIMEOUT_MS - 50 && ms < budget(1, SILENCE_TIMEOUT_MS), `took ${ms} ms`);
  });

  it('a slow trickling body is cut off by the same timeout', async () => {
    const server = await fake(trickling('application/json', '{"segments": [', '1,'));
    const { error, ms } = await outcome(
      silenceClient().request({ method: 'GET', url: server.url }),
    );
    assert.ok(error);
    assertClearStatus(error, 'timeout');
    assert.equal(server.requests(), 1);
    assert.ok(ms < budget(1, SILENCE_TIMEOUT_MS), `took ${ms} ms`);
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
    // Every wait ends within the request's timeout: one long enough for two resets 1 s away.
    const { response } = await outcome(
      client({ timeoutMs: 10_000 }).request({ method: 'GET', url: server.url }),
    );
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

    const unending = await fake(endless('application/json'));
    const second = await outcome(client().request({ method: 'GET', url: unending.url }));
    assert.ok(second.error, 'an endless body was read to the end');
    assertClearStatus(second.error, 'body_too_large');
    assert.equal(unending.requests(), 1);
  });
});

/** An https server with a self-signed certificate, counting requests that got past the handshake; the caller closes it. */
async function selfSignedFake(): Promise<Fake> {
  const dir = await mkCert();
  let count = 0;
  const server = createTlsServer(
    { key: await readFile(join(dir, 'key.pem')), cert: await readFile(join(dir, 'cert.pem')) },
    (_req, res) => {
      count++;
      res.end('{}');
    },
  );
  return listen(server, 'https', () => count);
}

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

// The same faults, played against the real check definitions through the engine: what the CSM
// finally sees for each check, how long the run took against the configured timeout, and how many
// requests the server received.
describe('network faults through the real Braze and S3 checks', () => {
  const retries = 2;
  /** One probe per Braze check: the key, five permissions, and page 0 of the segments. */
  const probes = brazeChecks.length;

  async function runBraze(url: string, over: Partial<HttpClientOptions> = {}) {
    const started = Date.now();
    const { results } = await runChecks({
      client: testClient({ braze: { instance: 'custom', restEndpoint: url } }),
      definitions: brazeChecks,
      secrets: secretsOf({ 'braze.apiKey': 'loopback-test-key' }),
      http: client({ retries, ...over }),
    });
    return { results, ms: Date.now() - started };
  }

  function assertEvery(results: CheckResult[], status: string, messageKey: string) {
    assert.equal(results.length, probes);
    for (const result of results) {
      assert.equal(`${result.status} ${result.messageKey}`, `${status} ${messageKey}`, result.id);
    }
  }

  const attemptsOf = (result: CheckResult) => (result.details as { attempts?: number }).attempts;

  it('connection refused: every check inconclusive as unreachable, 3 attempts each', async () => {
    const server = await fake(json(200, {}));
    await server.close();
    const { results, ms } = await runBraze(server.url);
    assertEvery(results, 'inconclusive', 'checks:error.network');
    for (const result of results) assert.equal(attemptsOf(result), 1 + retries, result.id);
    assert.ok(ms < budget(1 + retries), `took ${ms} ms`);
  });

  it('DNS failure: every check names the unresolvable host, after 1 + 2 attempts each', async () => {
    // The patient timeout: a slow resolver still ends in its own error rather than a timeout.
    const { results, ms } = await runBraze('https://no-such-host.invalid');
    assert.equal(results.length, probes);
    for (const result of results) {
      // No resolver at all reads as offline (skipped, last result kept); NXDOMAIN as unreachable.
      assert.match(
        `${result.status} ${result.messageKey}`,
        /^(inconclusive checks:error\.network|skipped checks:error\.offline)$/,
        result.id,
      );
      assert.equal(result.params.host, 'no-such-host.invalid', result.id);
      assert.equal(attemptsOf(result), 1 + retries, result.id);
    }
    assert.ok(ms < budget(1 + retries), `took ${ms} ms`);
  });

  it('a server that never answers: every check times out once, not retried', async () => {
    const server = await fake(() => undefined);
    const { results, ms } = await runBraze(server.url, { timeoutMs: SILENCE_TIMEOUT_MS });
    assertEvery(results, 'inconclusive', 'checks:error.timeout');
    assert.equal(server.requests(), probes);
    assert.ok(ms < budget(1, SILENCE_TIMEOUT_MS), `took ${ms} ms`);
  });

  it('a trickling body: cut off by the same timeout', async () => {
    const server = await fake(
      trickling('application/json', '{"message": "success", "segments": [', ' '),
    );
    const { results, ms } = await runBraze(server.url, { timeoutMs: SILENCE_TIMEOUT_MS });
    assertEvery(results, 'inconclusive', 'checks:error.timeout');
    assert.equal(server.requests(), probes);
    assert.ok(ms < budget(1, SILENCE_TIMEOUT_MS), `took ${ms} ms`);
  });

  it('5xx: inconclusive naming the status, after 1 + 2 requests per probe', async () => {
    const server = await fake(json(503, { message: 'Service Unavailable' }));
    const { results, ms } = await runBraze(server.url);
    assertEvery(results, 'inconclusive', 'checks-braze:reply.serverError');
    for (const result of results) {
      assert.equal(result.params.status, 503);
      assert.equal(attemptsOf(result), 1 + retries, result.id);
    }
    assert.equal(server.requests(), probes * (1 + retries));
    assert.ok(ms < budget(1 + retries), `took ${ms} ms`);
  });

  it('429 with x-ratelimit-reset: rate limited, after waiting out the reset twice per probe', async () => {
    const resetInS = 1;
    const server = await fake((req, res) => {
      const reset = String(Math.floor(Date.now() / 1000) + resetInS);
      json(429, { message: 'Over rate limit.' }, { 'x-ratelimit-reset': reset })(req, res);
    });
    // Every wait ends within the request's timeout: one long enough for two resets 1 s away.
    const { results, ms } = await runBraze(server.url, { timeoutMs: 10_000 });
    assertEvery(results, 'inconclusive', 'checks-braze:reply.rateLimited');
    assert.equal(server.requests(), probes * 3, '1 request + 2 waits per probe, then stop');
    // Each wait lasts until the announced reset (at most resetInS s away) plus up to 100 ms jitter.
    assert.ok(ms < 2 * (resetInS * 1000 + 100) + budget(3), `took ${ms} ms`);
  });

  const notBraze: { name: string; reply: Reply; excerpt: RegExp }[] = [
    {
      name: 'an HTML page answered 200',
      reply: (_req, res) => {
        res.writeHead(200, { 'content-type': 'text/html' });
        res.end('<html><head><title>Guest Wi-Fi</title></head><body>Sign in</body></html>');
      },
      excerpt: /^Guest Wi-Fi Sign in$/,
    },
    {
      name: 'malformed JSON answered 200',
      reply: (_req, res) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end('{"message": "succ');
      },
      excerpt: /^\{"message": "succ$/,
    },
  ];
  for (const { name, reply, excerpt } of notBraze) {
    it(`${name}: no verdict, the status and an excerpt shown, one request per probe`, async () => {
      const server = await fake(reply);
      const { results } = await runBraze(server.url);
      assertEvery(results, 'inconclusive', 'checks-braze:reply.notBraze');
      for (const result of results) {
        assert.equal(result.params.status, 200);
        assert.match(String(result.params.excerpt), excerpt);
      }
      assert.equal(server.requests(), probes);
    });
  }

  it('an oversized body: refused as too large, once per probe', async () => {
    const server = await fake(endless('application/json'));
    const { results, ms } = await runBraze(server.url, { maxBodyBytes: 64 * 1024 });
    assertEvery(results, 'inconclusive', 'checks:error.bodyTooLarge');
    assert.equal(server.requests(), probes);
    assert.ok(ms < budget(1), `took ${ms} ms`);
  });

  // The S3 checks go through the AWS SDK, with its own retries (3 attempts for a refused
  // connection, a 5xx or a throttle) inside one timeout per call: each case ends within that
  // timeout with a status of its own, and the server counts what the SDK sent.
  describe('s3.credentials', () => {
    async function runS3(url: string, s3TimeoutMs = PATIENT_TIMEOUT_MS) {
      const started = Date.now();
      const { results } = await runChecks({
        client: testClient({
          integrations: ['jacquard'],
          inputs: { 'jacquard.s3Endpoint': url, 'jacquard.s3Folder': 'acme' },
        }),
        definitions: [s3CredentialsCheck],
        secrets: secretsOf({
          'jacquard.awsAccessKeyId': 'AKIAIOSFODNN7EXAMPLE',
          'jacquard.awsSecretAccessKey': 'loopback-test-secret',
        }),
        http: client({ retries, timeoutMs: s3TimeoutMs }),
      });
      const [result] = results;
      assert.ok(result);
      return { result, ms: Date.now() - started, shown: `${result.status} ${result.messageKey}` };
    }

    it('connection refused: unreachable, after the SDK’s 3 attempts', async () => {
      const server = await fake(json(200, {}));
      await server.close();
      const { result, ms, shown } = await runS3(server.url);
      assert.equal(shown, 'inconclusive checks:error.network');
      assert.equal(result.params.code, 'ECONNREFUSED');
      assert.equal(attemptsOf(result), 3);
      assert.ok(ms < budget(1), `took ${ms} ms`);
    });

    it('a self-signed certificate (https endpoint): not trusted, one handshake, no request', async () => {
      const tls = await selfSignedFake();
      after(tls.close);
      const { result, shown } = await runS3(tls.url.replace(/\/api$/, ''));
      assert.equal(shown, 'inconclusive checks:error.tls');
      assert.match(String(result.params.code), /SELF_SIGNED|CERT/);
      assert.equal(attemptsOf(result), 1, 'a certificate does not fix itself on retry');
      assert.equal(tls.requests(), 0, 'a request was sent over an untrusted connection');
    });

    it('a server that never answers: a timeout within the run’s timeout, one request', async () => {
      const server = await fake(() => undefined);
      const { ms, shown } = await runS3(server.url, SILENCE_TIMEOUT_MS);
      assert.equal(shown, 'inconclusive checks:error.timeout');
      assert.equal(server.requests(), 1);
      assert.ok(ms < budget(1, SILENCE_TIMEOUT_MS), `took ${ms} ms`);
    });

    it('a trickling body: cut off by the same timeout, one request', async () => {
      const server = await fake(
        trickling('application/xml', '<?xml version="1.0"?><LocationConstraint>', ' '),
      );
      const { ms, shown } = await runS3(server.url, SILENCE_TIMEOUT_MS);
      assert.equal(shown, 'inconclusive checks:error.timeout');
      assert.equal(server.requests(), 1);
      assert.ok(ms < budget(1, SILENCE_TIMEOUT_MS), `took ${ms} ms`);
    });

    it('an endless answer: refused as too large long before its timeout, one request', async () => {
      const server = await fake(endless('application/xml'));
      // Only the size cap can stop this one in time: a timeout would show as "did not answer".
      const { shown } = await runS3(server.url);
      assert.equal(shown, 'inconclusive checks:error.bodyTooLarge');
      assert.equal(server.requests(), 1);
    });

    it('an answer announcing 50 MB: refused before it is read, one request', async () => {
      const server = await fake((_req, res) => {
        res.writeHead(200, {
          'content-type': 'application/xml',
          'content-length': String(50 * 1024 * 1024),
        });
        res.write('<?xml version="1.0"?>');
      });
      const { shown } = await runS3(server.url);
      assert.equal(shown, 'inconclusive checks:error.bodyTooLarge');
      assert.equal(server.requests(), 1);
    });

    it('429 (with x-ratelimit-reset, which S3 never sends): S3’s answer shown after 3 requests', async () => {
      const server = await fake((_req, res) => {
        const reset = String(Math.floor(Date.now() / 1000) + 1);
        res.writeHead(429, { 'content-type': 'application/xml', 'x-ratelimit-reset': reset });
        res.end(
          '<?xml version="1.0"?><Error><Code>SlowDown</Code><Message>Slow down</Message></Error>',
        );
      });
      // The SDK waits up to 1 s, then 2 s, between throttled attempts: the patient timeout covers both.
      const { result, ms, shown } = await runS3(server.url);
      assert.equal(shown, 'inconclusive checks-jacquard:s3.credentials.unexpectedAnswer');
      assert.deepEqual(result.params, { code: 'SlowDown', status: 429 });
      assert.equal(server.requests(), 3);
      assert.ok(ms < budget(1), `took ${ms} ms`);
    });

    const garbage: { name: string; reply: Reply; code: RegExp }[] = [
      {
        name: 'a login page answered 200',
        reply: (_req, res) => {
          res.writeHead(200, { 'content-type': 'text/html' });
          res.end('<html><body>Sign in to the guest network</body></html>');
        },
        code: /^HTTP 200: “Sign in to the guest network”$/,
      },
      {
        name: 'XML cut off mid-answer',
        reply: (_req, res) => {
          res.writeHead(200, { 'content-type': 'application/xml' });
          res.end('<?xml version="1.0"?><LocationConstraint');
        },
        code: /^HTTP 200: /,
      },
    ];
    for (const { name, reply, code } of garbage) {
      it(`${name}: inconclusive, never "keys accepted", one request`, async () => {
        const server = await fake(reply);
        const { result, shown } = await runS3(server.url);
        assert.equal(shown, 'inconclusive checks-jacquard:s3.serverError');
        assert.match(String(result.params.code), code);
        assert.equal(server.requests(), 1);
      });
    }

    it('5xx: inconclusive as a server error, after the SDK’s 3 requests', async () => {
      const server = await fake((_req, res) => {
        res.writeHead(503, { 'content-type': 'text/html' });
        res.end('<html><body>Service Unavailable</body></html>');
      });
      const { ms, shown } = await runS3(server.url);
      assert.equal(shown, 'inconclusive checks-jacquard:s3.serverError');
      assert.equal(server.requests(), 3);
      assert.ok(ms < budget(1), `took ${ms} ms`);
    });
  });

  describe('odp.api_key', () => {
    const fields = [{ name: 'email', display_name: 'Email', type: 'string' }];

    async function runOdp(url: string, timeoutMs = PATIENT_TIMEOUT_MS) {
      const apiKey = apiKeyCheck({ us: url, eu: url, au: url });
      const { results } = await runChecks({
        client: testClient({ integrations: ['optimizely'], inputs: { 'odp.apiBase': url } }),
        definitions: [apiKey],
        secrets: secretsOf({ 'odp.apiKey': 'trk-us.private-loopback-key' }),
        http: client({ retries, timeoutMs }),
      });
      const [result] = results;
      assert.ok(result);
      return { result, shown: `${result.status} ${result.messageKey}` };
    }

    it('a 503 then the fields: retried once, and the key passes', async () => {
      const server = await fake((req, res) => {
        if (server.requests() === 1) json(503, { message: 'Service Unavailable' })(req, res);
        else json(200, fields)(req, res);
      });
      const { shown } = await runOdp(server.url.replace(/\/api$/, ''));
      assert.match(shown, /^pass checks-odp:apiKey\.pass\./);
      assert.equal(server.requests(), 2);
    });

    it('a server that never answers: one timeout within the run’s timeout', async () => {
      const server = await fake(() => undefined);
      const started = Date.now();
      const { result, shown } = await runOdp(server.url.replace(/\/api$/, ''), SILENCE_TIMEOUT_MS);
      const ms = Date.now() - started;
      assert.equal(shown, 'inconclusive checks:error.timeout');
      assert.equal(result.params.host, new URL(server.url).host);
      assert.equal(server.requests(), 1);
      assert.ok(ms < budget(1, SILENCE_TIMEOUT_MS), `took ${ms} ms`);
    });
  });
});
