import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { defaultActivation, type OdpPlan } from '../../shared/integrations/optimizely/plan.ts';
import { startBrazeFake, type BrazeFake } from '../support/braze-fake.ts';
import { runCliIsolated } from '../support/cli-process.ts';
import { fakeCurrentsToken, fakeKeys, startOdpFake, type OdpFake } from '../support/odp-fake.ts';
import { shiftClock } from '../support/pinned-clock.ts';

// `partner-setup check --only optimizely --json --client-file …` spawned as a CSM would run it,
// against the ODP and Braze fakes: exit codes, the JSON document, no secret in the output.

const brazeKey = 'braze-cli-key-0000000000000001';
const brazeKeyNoCanvas = 'braze-cli-key-0000000000000002';

interface CheckJson {
  id: string;
  status: string;
  message: string;
}

/**
 * The CLI's clock, pinned: whether a planned activation passes depends on the day (a start in the
 * past, a run on a daylight-saving change). At 23:05 UTC it is already 8 December in Paris.
 */
const clock = shiftClock({ startsAt: new Date('2026-12-07T23:05:00Z'), timeZone: 'UTC' });
const goodPlan: OdpPlan = {
  segments: { importAll: true, segments: [] },
  mappings: [
    { brazeField: 'email', brazeType: 'string', odpField: 'last_seen_email' },
    { brazeField: 'company', brazeType: 'string', odpField: 'company_name' },
  ],
  activation: {
    ...defaultActivation('Europe/Paris', '2026-12-08'),
    enrollment: { kind: 'segment', segment: 'Active buyers' },
    targetIdentifier: 'email',
    additionalFields: [{ brazeField: 'company_name', value: '{{customer.company_name}}' }],
  },
};

void describe('partner-setup check --only optimizely', () => {
  let odp: OdpFake;
  let braze: BrazeFake;
  let dir: string;

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'odp-cli-'));
    odp = await startOdpFake();
    braze = await startBrazeFake({
      keys: {
        [brazeKey]: {},
        [brazeKeyNoCanvas]: {
          permissions: [
            'users.track',
            'users.export.segment',
            'segments.list',
            'campaigns.trigger.send',
          ],
        },
      },
    });
  });
  after(async () => {
    await odp.close();
    await braze.close();
    await rm(dir, { recursive: true, force: true });
  });

  async function clientFile(name: string, plan: OdpPlan | null, odpInputs: Record<string, string>) {
    const path = join(dir, `${name}.json`);
    const file = {
      version: 2,
      name,
      integrations: ['optimizely'],
      braze: { instance: 'custom', restEndpoint: braze.url },
      odp: odpInputs,
      ...(plan ? { artifacts: { 'odp.plan': plan } } : {}),
    };
    await writeFile(path, JSON.stringify(file));
    return path;
  }

  /** Every ODP check of the client file at `path`, as JSON, against the loopback fakes. */
  const optimizelyJsonArgs = (path: string) => [
    'check',
    '--client-file',
    path,
    '--only',
    'optimizely',
    '--json',
    '--allow-insecure-loopback',
  ];

  const byId = (stdout: string) =>
    new Map((JSON.parse(stdout) as { checks: CheckJson[] }).checks.map((c) => [c.id, c]));

  test('a complete setup passes every ODP check, live Currents test included (exit 0)', async () => {
    const path = await clientFile('Good', goodPlan, {
      apiBase: odp.bases.eu,
      currentsUrl: odp.currentsUrl,
    });
    const before = odp.requests.length;
    const res = await runCliIsolated(
      [...optimizelyJsonArgs(path), '--opt-in', 'odp.currentsLive'],
      {
        BRAZE_API_KEY: brazeKey,
        ODP_API_KEY: fakeKeys.eu,
        ODP_CURRENTS_TOKEN: fakeCurrentsToken,
        ...clock.env,
      },
    );
    assert.equal(res.code, 0, res.stderr + res.stdout);
    const checks = byId(res.stdout);
    const statuses = Object.fromEntries(
      [
        'odp.api_key',
        'odp.fields',
        'odp.currents_endpoint',
        'odp.braze_key',
        'odp.segments',
        'odp.mappings',
        'odp.activation',
      ].map((id) => [id, checks.get(id)?.status]),
    );
    assert.deepEqual(statuses, {
      'odp.api_key': 'pass',
      'odp.fields': 'pass',
      'odp.currents_endpoint': 'pass',
      'odp.braze_key': 'pass',
      'odp.segments': 'pass',
      'odp.mappings': 'pass',
      'odp.activation': 'pass',
    });
    assert.match(checks.get('odp.currents_endpoint')?.message ?? '', /^Hint: /);
    assert.ok(odp.requests.length > before);
    assert.deepEqual(odp.writes(), []);
    assert.deepEqual(braze.sideEffects(), []);
    for (const secret of [brazeKey, fakeKeys.eu.split('.')[1] ?? '', fakeCurrentsToken]) {
      assert.ok(!res.stdout.includes(secret) && !res.stderr.includes(secret), 'no secret printed');
    }
  });

  test("a client file without a plan: ODP's default Email mapping is judged, not reported gone", async () => {
    const path = await clientFile('No plan yet', null, {
      apiBase: odp.bases.eu,
      currentsUrl: odp.currentsUrl,
    });
    const res = await runCliIsolated(optimizelyJsonArgs(path), {
      BRAZE_API_KEY: brazeKey,
      ODP_API_KEY: fakeKeys.eu,
    });
    const checks = byId(res.stdout);
    assert.equal(checks.get('odp.fields')?.status, 'pass', res.stderr);
    const mappings = checks.get('odp.mappings');
    assert.equal(mappings?.status, 'pass', JSON.stringify(mappings));
    assert.match(mappings?.message ?? '', /^Every field mapping targets an existing ODP field/);
    assert.doesNotMatch(JSON.stringify(mappings), /emailRemoved/);
  });

  test('a public ODP key, a quoted token, no segment and a Braze key without canvas.trigger.send fail (exit 1)', async () => {
    // A plain-http URL is refused with the client file itself (exit 2), so the token is what fails.
    const path = await clientFile('Bad', null, {
      apiBase: odp.bases.us,
      currentsUrl: 'https://odp.example/braze',
    });
    const res = await runCliIsolated(optimizelyJsonArgs(path), {
      BRAZE_API_KEY: brazeKeyNoCanvas,
      ODP_API_KEY: fakeKeys.usPublic,
      ODP_CURRENTS_TOKEN: `"${fakeCurrentsToken}"`,
    });
    assert.equal(res.code, 1, res.stderr);
    const checks = byId(res.stdout);
    assert.equal(checks.get('odp.api_key')?.status, 'fail');
    assert.match(checks.get('odp.api_key')?.message ?? '', /public key/);
    assert.equal(checks.get('odp.currents_endpoint')?.status, 'fail');
    assert.match(checks.get('odp.currents_endpoint')?.message ?? '', /not a valid bearer token/);
    assert.equal(checks.get('odp.segments')?.status, 'fail');
    assert.match(checks.get('odp.segments')?.message ?? '', /no customer profile/);
    assert.equal(checks.get('braze.permission.canvas.trigger.send')?.status, 'fail');
    // The ODP key check names exactly the permission ODP's own "Verify API Key" would not.
    assert.equal(checks.get('odp.braze_key')?.status, 'fail');
    assert.match(checks.get('odp.braze_key')?.message ?? '', /canvas\.trigger\.send/);
    assert.doesNotMatch(checks.get('odp.braze_key')?.message ?? '', /users\.track/);
    // No ODP fields fetched now or saved before: the mappings cannot be judged, and it says why.
    assert.equal(checks.get('odp.mappings')?.status, 'inconclusive');
    assert.match(checks.get('odp.mappings')?.message ?? '', /fields have not been loaded/);
    assert.deepEqual(odp.writes(), []);
  });
});
