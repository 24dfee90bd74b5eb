import assert from 'node:assert/strict';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it, type TestContext } from 'node:test';
import { acme, brazeJsonArgs, cli, clientFile, type JsonReport } from '../support/cli-check.ts';
import { fakeCurrentsToken } from '../support/odp-fake.ts';

// A 429 whose reset lies far ahead must not hold `partner-setup check` past its --timeout (a reset
// 55 s ahead made one run last 220 s), and a request marked not to be retried is sent once.

interface Seen {
  method: string;
  url: string;
}

/** Answers every request 429, announcing a reset `resetInS` s ahead. */
async function alwaysLimited(resetInS: number) {
  const seen: Seen[] = [];
  const server = createServer((req: IncomingMessage, res) => {
    seen.push({ method: req.method ?? '', url: req.url ?? '' });
    req.resume();
    const reset = Math.floor(Date.now() / 1000) + resetInS;
    res.writeHead(429, { 'content-type': 'application/json', 'x-ratelimit-reset': `${reset}` });
    res.end('{"message":"Over rate limit."}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    seen,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

let limited: Awaited<ReturnType<typeof alwaysLimited>>;
before(async () => {
  limited = await alwaysLimited(55);
});
after(() => limited.close());

/**
 * Ends a run that hangs. Whether a check waited out the 55 s reset is told by its own duration, not
 * by this limit: a CLI start alone took up to 30 s on a busy machine.
 */
const hangLimitMs = 300_000;
/** Far more than a check answered 429 needs, and still short of the 55 s reset it must not wait. */
const noWaitMs = 45_000;

describe('429 with a reset beyond the time allowed', () => {
  it('--timeout bounds the wait: every Braze check ends at once, none asks twice', async (t: TestContext) => {
    const before = limited.seen.length;
    const ran = await cli(
      [...brazeJsonArgs(await clientFile(t, acme(limited.url))), '--timeout', '3000'],
      { BRAZE_API_KEY: 'limited-key-0123456789' },
      { timeoutMs: hangLimitMs },
    );
    // Every check inconclusive: the run ends, and its verdict is "not verified" (exit 3).
    assert.equal(ran.code, 3, `ended by ${ran.code === null ? 'the time limit' : ran.stderr}`);
    const report = JSON.parse(ran.stdout) as JsonReport;
    assert.equal(report.verdict, 'not-verified');
    for (const check of report.checks) {
      assert.equal(check.status, 'inconclusive', `${check.id}: ${check.message}`);
      assert.match(check.message, /rate|pause/, check.id);
      assert.ok(check.durationMs < noWaitMs, `${check.id} waited ${check.durationMs} ms`);
    }
    // Checks that start together may each send their first request (several ask for segment
    // page 0) before any 429 is back; none sends a second one.
    const urls = limited.seen.slice(before).map((s) => s.url);
    assert.ok(urls.length > 0);
    assert.ok(urls.length <= report.checks.length, `sent again: ${urls.join(', ')}`);
  });

  it('the live Currents POST, never retried, is sent once even when answered 429', async (t: TestContext) => {
    const before = limited.seen.length;
    const file = await clientFile(t, {
      version: 2,
      name: 'Acme Retail',
      integrations: ['optimizely'],
      odp: { currentsUrl: `${limited.url}/braze/currents` },
    });
    const ran = await cli(
      [
        'check',
        '--client-file',
        file,
        '--only',
        'optimizely',
        '--opt-in',
        'odp.currentsLive',
        '--json',
        '--allow-insecure-loopback',
      ],
      { ODP_CURRENTS_TOKEN: fakeCurrentsToken },
      { timeoutMs: hangLimitMs },
    );
    // Exit 1: with no segment chosen in its plan, odp.segments fails; what matters is the POST.
    assert.equal(ran.code, 1, ran.stderr);
    const posts = limited.seen.slice(before).filter((s) => s.method === 'POST');
    assert.equal(posts.length, 1, JSON.stringify(posts));
    const report = JSON.parse(ran.stdout) as JsonReport;
    const currents = report.checks.find((c) => c.id === 'odp.currents_endpoint');
    assert.equal(currents?.status, 'inconclusive', currents?.message);
  });
});
