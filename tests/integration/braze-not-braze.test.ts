import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { brazeSegmentsArtifactKey } from '../../shared/integrations/braze/segments-artifact.ts';
import type { CheckResult } from '../../shared/types/checks.ts';
import { brazeChecks } from '../../main/integrations/braze/checks.ts';
import { findInstance } from '../../main/integrations/braze/find-instance.ts';
import { runChecks } from '../../main/checks/engine.ts';
import { createHttpClient } from '../../main/net/http-client.ts';
import { startBrazeFake, type BrazeFake } from '../support/braze-fake.ts';
import { secretsOf, testClient } from '../support/check-fixtures.ts';

// Answers that are not Braze's (a captive portal, truncated JSON, a proxy's error page, a gateway
// that accepts anything) must never read as a valid key, a present permission or "no segments".

const http = createHttpClient({ allowInsecureLoopback: true, backoffBaseMs: 20 });

let fake: BrazeFake;
before(async () => {
  fake = await startBrazeFake({
    keys: {
      portal: { notBraze: 'captive-portal' },
      truncated: { notBraze: 'malformed-json' },
      proxied: { notBraze: 'proxy-400' },
      yesMan: { notBraze: 'accept-everything' },
    },
  });
});
after(() => fake.close());

async function run(key: string, endpoint = fake.url) {
  const outcome = await runChecks({
    client: testClient({ braze: { instance: 'custom', restEndpoint: endpoint } }),
    definitions: brazeChecks,
    secrets: secretsOf({ 'braze.apiKey': key }),
    http,
  });
  const byId = Object.fromEntries(outcome.results.map((r) => [r.id, r])) as Record<
    string,
    CheckResult
  >;
  return { ...outcome, byId };
}

const requestsWith = (key: string) => fake.requests.filter((r) => r.key === key).length;

describe('Braze checks against answers that are not Braze’s', () => {
  const cases = [
    { key: 'portal', status: 200, excerpt: /^Guest Wi-Fi Sign in to continue$/ },
    { key: 'truncated', status: 200, excerpt: /^\{"message": "succ$/ },
    { key: 'proxied', status: 400, excerpt: /^400 Bad Request 400 Bad Request nginx$/ },
  ];
  for (const { key, status, excerpt } of cases) {
    it(`${key}: every check is inconclusive, showing the status and a short excerpt`, async () => {
      const { results, artifacts } = await run(key);
      for (const result of results) {
        assert.equal(result.status, 'inconclusive', `${result.id}: ${result.messageKey}`);
        assert.equal(result.messageKey, 'checks-braze:reply.notBraze', result.id);
        assert.equal(result.params.status, status, result.id);
        assert.match(String(result.params.excerpt), excerpt, result.id);
        assert.equal(result.params.host, new URL(fake.url).host);
      }
      assert.equal(artifacts[brazeSegmentsArtifactKey], undefined, 'no segment list was kept');
      assert.equal(requestsWith(key), brazeChecks.length, 'one request per probe');
    });
  }

  it('a gateway accepting the refused-by-design probes is a loud inconclusive, never a pass', async () => {
    const { byId, results } = await run('yesMan');
    const posts = brazeChecks
      .map((c) => c.id)
      .filter(
        (id) => id !== 'braze.permission.segments.list' && id.startsWith('braze.permission.'),
      );
    assert.equal(posts.length, 4);
    for (const id of posts) {
      assert.equal(byId[id]?.status, 'inconclusive', id);
      assert.equal(byId[id]?.messageKey, 'checks-braze:permission.probeAccepted', id);
      assert.equal(byId[id]?.params.status, 201);
    }
    // A "success" without a segment list is not Braze's answer to GET /segments/list.
    for (const id of ['braze.api_key', 'braze.permission.segments.list', 'braze.segments']) {
      assert.equal(byId[id]?.messageKey, 'checks-braze:reply.notBraze', id);
    }
    assert.deepEqual(
      results.filter((r) => r.status !== 'inconclusive'),
      [],
    );
  });

  it('"find my instance" does not call a captive portal an instance that accepts the key', async () => {
    const [attempt] = await findInstance({
      http,
      apiKey: 'portal',
      candidates: [{ id: 'US-03', restEndpoint: fake.url, dashboardHosts: [] }],
    });
    assert.equal(attempt?.verdict, 'error');
  });

  it('a page that echoes the request back never shows the key in the excerpt', async () => {
    const key = 'b7e3c2a1-secret-rest-key-0042';
    const echo = createServer((req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end(
        `<html><body>Blocked request. Authorization: ${req.headers.authorization}</body></html>`,
      );
    });
    await new Promise<void>((resolve) => echo.listen(0, '127.0.0.1', resolve));
    try {
      const { results } = await run(
        key,
        `http://127.0.0.1:${(echo.address() as AddressInfo).port}`,
      );
      const apiKey = results.find((r) => r.id === 'braze.api_key');
      assert.equal(apiKey?.messageKey, 'checks-braze:reply.notBraze');
      assert.match(String(apiKey?.params.excerpt), /Authorization: Bearer •••/);
      assert.ok(!JSON.stringify(results).includes(key), 'the key leaked into a result');
    } finally {
      echo.closeAllConnections();
      echo.close();
    }
  });
});
