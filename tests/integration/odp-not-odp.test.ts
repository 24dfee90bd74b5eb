import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { runChecks } from '../../main/checks/engine.ts';
import type { CheckDefinition } from '../../main/checks/types.ts';
import { createHttpClient } from '../../main/net/http-client.ts';
import { shownMessage } from '../../main/integrations/optimizely/api.ts';
import { createOdpChecks } from '../../main/integrations/optimizely/checks/index.ts';
import { SecretScrubber } from '../../main/redaction/secret-scrubber.ts';
import { runCheck } from '../support/check-context.ts';
import { secretsOf, testClient } from '../support/check-fixtures.ts';
import {
  fakeCurrentsToken,
  fakeKeys,
  startOdpFake,
  type OdpFake,
  type OdpFakeOptions,
} from '../support/odp-fake.ts';

// Answers that are not ODP's (a captive portal, a proxy's page, a gateway echoing the request back)
// must never read as a verdict on the key or the token, and must never carry either secret.

const key = fakeKeys.us;
const token = fakeCurrentsToken;
const live = ['odp.currentsLive'];

const fakes: OdpFake[] = [];
async function middlebox(kind: NonNullable<OdpFakeOptions['middlebox']>): Promise<OdpFake> {
  const fake = await startOdpFake({ middlebox: kind });
  fakes.push(fake);
  return fake;
}
after(() => Promise.all(fakes.map((f) => f.close())));

const checkOf = (fake: OdpFake, id: string): CheckDefinition => {
  const def = createOdpChecks(fake.bases).find((c) => c.id === id);
  assert.ok(def, id);
  return def;
};

const clientFor = (fake: OdpFake) =>
  testClient({ inputs: { 'odp.apiBase': fake.url, 'odp.currentsUrl': fake.currentsUrl } });

/** One check run by the engine, which takes echoed secrets out of what every check reports. */
async function runOne(
  fake: OdpFake,
  id: string,
  secrets: Parameters<typeof secretsOf>[0],
  optIns: string[] = [],
) {
  const { results } = await runChecks({
    client: clientFor(fake),
    definitions: [checkOf(fake, id)],
    secrets: secretsOf(secrets),
    http: createHttpClient({ allowInsecureLoopback: true, retries: 0 }),
    optIns,
  });
  const [result] = results;
  assert.ok(result, id);
  return result;
}

function assertNoSecret(value: unknown, label: string): void {
  const text = JSON.stringify(value);
  for (const secret of [key, key.split('.')[1] ?? key, token]) {
    assert.ok(!text.includes(secret), `${label} carries a secret: ${text}`);
  }
}

describe('a gateway that echoes the request headers in a 400', () => {
  let fake: OdpFake;
  before(async () => {
    fake = await middlebox({ kind: 'echo-headers' });
  });

  test('odp.api_key: inconclusive, the excerpt shows the answer with the key blanked', async () => {
    const outcome = await runOne(fake, 'odp.api_key', { 'odp.apiKey': key });
    // The echo really did carry the key: the fake saw it in the request it echoed.
    assert.equal(fake.requests.at(-1)?.headers['x-api-key'], key);
    assertNoSecret(outcome, 'odp.api_key');
    assert.equal(outcome.status, 'inconclusive');
    assert.equal(outcome.messageKey, 'checks-odp:reply.notOdp');
    assert.equal(outcome.params.status, 400);
    assert.equal(outcome.params.host, new URL(fake.url).host);
    assert.match(String(outcome.params.excerpt), /^\{"error":"Bad Request"/);
  });

  test('odp.currents_endpoint live: the bearer token is blanked in what the check reports', async () => {
    const outcome = await runOne(
      fake,
      'odp.currents_endpoint',
      { 'odp.currentsToken': token },
      live,
    );
    assert.equal(fake.requests.at(-1)?.headers.authorization, `Bearer ${token}`);
    assertNoSecret(outcome, 'odp.currents_endpoint');
    assert.equal(outcome.status, 'inconclusive');
    assert.equal(outcome.messageKey, 'checks-odp:currents.liveUnexpected');
    assert.match(String(outcome.params.message), /^\{"error":"Bad Request"/);
  });

  test('a whole ODP run keeps both secrets out of every result', async () => {
    const { results } = await runChecks({
      client: clientFor(fake),
      definitions: createOdpChecks(fake.bases),
      secrets: secretsOf({ 'odp.apiKey': key, 'odp.currentsToken': token }),
      http: createHttpClient({ allowInsecureLoopback: true, retries: 0 }),
      optIns: live,
    });
    assert.ok(results.some((r) => r.id === 'odp.currents_endpoint' && r.status !== 'skipped'));
    assertNoSecret(results, 'the run');
  });
});

describe('an HTML page instead of ODP', () => {
  test('a proxy’s HTML 403 is not ODP refusing the key', async () => {
    const fake = await middlebox({ kind: 'html', status: 403 });
    for (const id of ['odp.api_key', 'odp.fields']) {
      const { outcome } = await runCheck(checkOf(fake, id), {
        client: clientFor(fake),
        secrets: { 'odp.apiKey': key },
      });
      assert.equal(outcome.status, 'inconclusive', id);
      assert.equal(outcome.messageKey, 'checks-odp:reply.notOdp', id);
      assert.equal(outcome.params?.status, 403, id);
      assert.equal(outcome.params?.excerpt, 'Guest Wi-Fi Access denied Sign in to continue.', id);
    }
  });

  test('a captive portal’s HTML 200 is not the Currents endpoint accepting the token', async () => {
    const fake = await middlebox({ kind: 'html', status: 200 });
    const { outcome } = await runCheck(checkOf(fake, 'odp.currents_endpoint'), {
      client: clientFor(fake),
      secrets: { 'odp.currentsToken': token },
      optIns: live,
    });
    assert.equal(fake.requests.at(-1)?.method, 'POST');
    assert.equal(outcome.status, 'inconclusive');
    assert.equal(outcome.messageKey, 'checks-odp:currents.liveNotOdp');
    assert.equal(outcome.params?.status, 200);
    assert.equal(outcome.params?.host, new URL(fake.url).host);
    assert.equal(outcome.params?.excerpt, 'Guest Wi-Fi Access denied Sign in to continue.');
  });

  test('an HTML 404 page from a wrong ingestion path is a wrong URL, not an unknown answer', async () => {
    const fake = await middlebox({ kind: 'html', status: 404 });
    const { outcome } = await runCheck(checkOf(fake, 'odp.currents_endpoint'), {
      client: clientFor(fake),
      secrets: { 'odp.currentsToken': token },
      optIns: live,
    });
    assert.equal(fake.requests.at(-1)?.method, 'POST');
    assert.equal(outcome.status, 'fail');
    assert.equal(outcome.messageKey, 'checks-odp:currents.liveNotFound');
    assert.equal(outcome.params?.status, 404);
  });

  test('a captive portal’s HTML 200 to the fields read is no field list, and nothing is kept', async () => {
    const fake = await middlebox({ kind: 'html', status: 200 });
    for (const id of ['odp.api_key', 'odp.fields']) {
      const { outcome, artifacts } = await runCheck(checkOf(fake, id), {
        client: clientFor(fake),
        secrets: { 'odp.apiKey': key },
      });
      assert.equal(outcome.status, 'inconclusive', id);
      assert.equal(outcome.messageKey, 'checks-odp:reply.notOdp', id);
      assert.equal(outcome.params?.status, 200, id);
      assert.deepEqual(artifacts, {}, id);
    }
  });
});

describe('answers to the live Currents test that are not ODP’s', () => {
  const runLive = async (answer: { status: number; contentType: string; body: string }) => {
    const fake = await middlebox({ kind: 'raw', ...answer });
    const { outcome } = await runCheck(checkOf(fake, 'odp.currents_endpoint'), {
      client: clientFor(fake),
      secrets: { 'odp.currentsToken': token },
      optIns: live,
    });
    assert.equal(fake.requests.at(-1)?.method, 'POST');
    return outcome;
  };

  const notOdp: { name: string; status: number; contentType: string; body: string }[] = [
    {
      name: 'a proxy’s text/plain page answered 200',
      status: 200,
      contentType: 'text/plain; charset=utf-8',
      body: 'Request queued by the corporate gateway.',
    },
    {
      name: 'a proxy’s JSON error answered 200',
      status: 200,
      contentType: 'application/json',
      body: '{"error":"upstream connect error or disconnect/reset before headers","status":503}',
    },
    {
      name: 'a gateway’s JSON failure report answered 202',
      status: 202,
      contentType: 'application/json',
      body: '{"success":false,"errors":[{"code":1000,"message":"origin unreachable"}]}',
    },
    {
      name: 'JSON cut short, answered 200',
      status: 200,
      contentType: 'application/json',
      body: '{"message": "acce',
    },
    {
      name: 'a text/plain 401 from a proxy that wants its own login',
      status: 401,
      contentType: 'text/plain',
      body: 'Proxy authentication required',
    },
  ];
  for (const answer of notOdp) {
    test(`${answer.name}: inconclusive, never a verdict on the token`, async () => {
      const outcome = await runLive(answer);
      assert.equal(outcome.status, 'inconclusive', JSON.stringify(outcome));
      assert.equal(outcome.messageKey, 'checks-odp:currents.liveNotOdp');
      assert.equal(outcome.params?.status, answer.status);
    });
  }

  test('an empty 2xx or a complete JSON acknowledgement is still the token accepted', async () => {
    for (const answer of [
      { status: 204, contentType: 'application/json', body: '' },
      { status: 202, contentType: 'application/json; charset=utf-8', body: '{"status":202}' },
      { status: 200, contentType: 'application/json', body: '{"message":"ok"}' },
    ]) {
      const outcome = await runLive(answer);
      assert.equal(outcome.status, 'pass', JSON.stringify(answer));
      assert.equal(outcome.messageKey, 'checks-odp:currents.liveAccepted');
    }
  });
});

describe('what an echo can show', () => {
  const secret = 'trk-us.ab/c+d==';
  const echo = (text: string, body: unknown = text) => ({
    status: 400,
    headers: new Headers(),
    body,
    text,
    attempts: 1,
  });

  test('the secret is blanked, not merely cut off, in each form a server may echo it in', () => {
    // What the check shows, as the engine lets it out: with the run's secrets removed.
    const scrubber = SecretScrubber.of([secret]);
    const shown = (res: ReturnType<typeof echo>) => scrubber.text(shownMessage(res));
    for (const form of [secret, 'trk-us.ab\\/c+d==', encodeURIComponent(secret)]) {
      assert.equal(shown(echo(`x-api-key: ${form}`)), 'x-api-key: •••', form);
    }
    const json = { message: `Header not allowed: x-api-key=${secret}` };
    assert.equal(shown(echo(JSON.stringify(json), json)), 'Header not allowed: x-api-key=•••');
  });
});
