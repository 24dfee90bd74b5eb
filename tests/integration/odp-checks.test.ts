import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { brazeChecks } from '../../main/integrations/braze/checks.ts';
import { runChecks } from '../../main/checks/engine.ts';
import { withDependencies } from '../../main/checks/selection.ts';
import { createHttpClient } from '../../main/net/http-client.ts';
import { createOdpChecks, odpChecks } from '../../main/integrations/optimizely/checks/index.ts';
import { translator } from '../../main/translate.ts';
import type { CheckDefinition } from '../../main/checks/types.ts';
import {
  defaultActivation,
  emptyOdpPlan,
  type OdpPlan,
} from '../../shared/integrations/optimizely/plan.ts';
import type { JsonValue } from '../../shared/types/checks.ts';
import { startBrazeFake, type BrazeFake } from '../support/braze-fake.ts';
import { documentedOdpKeyPermissions } from '../support/braze-reference.ts';
import { runCheck } from '../support/check-context.ts';
import { secretsOf, testClient } from '../support/check-fixtures.ts';
import {
  defaultFakeFields,
  fakeCurrentsToken,
  fakeKeys,
  startOdpFake,
  type OdpFake,
} from '../support/odp-fake.ts';

let fake: OdpFake;
/** The checks with ODP's regional hosts replaced by the fake's, so region inference is real. */
let checks: Map<string, CheckDefinition>;
const check = (id: string): CheckDefinition => {
  const def = checks.get(id);
  assert.ok(def, id);
  return def;
};

before(async () => {
  fake = await startOdpFake();
  checks = new Map(createOdpChecks(fake.bases).map((c) => [c.id, c]));
});
after(async () => {
  const writes = fake.writes();
  await fake.close();
  // Every ODP call any test made was a read: the app never writes to ODP's schema.
  assert.deepEqual(writes, []);
  assert.ok(
    fake.requests.some((r) => r.region),
    'the ODP API was called',
  );
});

const lastPath = () => fake.requests.at(-1)?.path;

describe('odp.api_key', () => {
  const cases: Array<{
    name: string;
    key: string;
    inputs?: Record<string, string>;
    status: string;
    messageKey: string;
    path: string;
  }> = [
    {
      name: 'US key, no suffix, default region',
      key: fakeKeys.us,
      status: 'pass',
      messageKey: 'apiKey.pass.default',
      path: '/us/v3/schema/objects/customers/fields',
    },
    {
      name: 'EU key: region read from -eu1',
      key: fakeKeys.eu,
      status: 'pass',
      messageKey: 'apiKey.pass.key',
      path: '/eu/v3/schema/objects/customers/fields',
    },
    {
      name: 'AU key: region read from -au1',
      key: fakeKeys.au,
      status: 'pass',
      messageKey: 'apiKey.pass.key',
      path: '/au/v3/schema/objects/customers/fields',
    },
    {
      name: 'US key with US chosen',
      key: fakeKeys.us,
      inputs: { 'odp.region': 'us' },
      status: 'pass',
      messageKey: 'apiKey.pass.input',
      path: '/us/v3/schema/objects/customers/fields',
    },
    {
      name: 'EU key while US chosen: key wins, CSM warned',
      key: fakeKeys.eu,
      inputs: { 'odp.region': 'us' },
      status: 'warn',
      messageKey: 'apiKey.regionConflict',
      path: '/eu/v3/schema/objects/customers/fields',
    },
    {
      name: 'US key sent to the EU host (wrong region)',
      key: fakeKeys.us,
      inputs: { 'odp.region': 'eu' },
      status: 'fail',
      messageKey: 'apiKey.forbidden',
      path: '/eu/v3/schema/objects/customers/fields',
    },
    {
      name: 'mistyped key, region chosen',
      key: 'trk-us.wrong-secret',
      inputs: { 'odp.region': 'us' },
      status: 'fail',
      messageKey: 'apiKey.forbidden',
      path: '/us/v3/schema/objects/customers/fields',
    },
    {
      name: 'mistyped key, detect automatically: refused in every region',
      key: 'trk-us.wrong-secret',
      inputs: { 'odp.region': 'auto' },
      status: 'fail',
      messageKey: 'apiKey.forbiddenEveryRegion',
      path: '/au/v3/schema/objects/customers/fields',
    },
    {
      name: 'public key (tracker id), region chosen',
      key: fakeKeys.usPublic,
      inputs: { 'odp.region': 'us' },
      status: 'fail',
      messageKey: 'apiKey.forbiddenPublic',
      path: '/us/v3/schema/objects/customers/fields',
    },
    {
      name: 'EU key without suffix, detect automatically: found after the US refused it',
      key: fakeKeys.euBare,
      inputs: { 'odp.region': 'auto' },
      status: 'pass',
      messageKey: 'apiKey.pass.detected',
      path: '/eu/v3/schema/objects/customers/fields',
    },
  ];
  for (const c of cases) {
    test(c.name, async () => {
      const client = testClient({ inputs: c.inputs ?? {} });
      const { outcome } = await runCheck(check('odp.api_key'), {
        client,
        secrets: { 'odp.apiKey': c.key },
      });
      assert.equal(outcome.status, c.status);
      assert.equal(outcome.messageKey, `checks-odp:${c.messageKey}`);
      assert.equal(lastPath(), c.path);
      const sent = fake.requests.at(-1);
      assert.equal(sent?.method, 'GET');
      assert.equal(sent?.headers['x-api-key'], c.key);
      // The key never appears in what the check reports.
      assert.ok(!JSON.stringify(outcome).includes(c.key.split('.')[1] ?? c.key));
    });
  }

  test('a 403 tells the CSM, in their language, the key, a public key or the region may be wrong', async () => {
    const { outcome } = await runCheck(check('odp.api_key'), {
      client: testClient({ inputs: { 'odp.region': 'eu' } }),
      secrets: { 'odp.apiKey': fakeKeys.us },
    });
    assert.equal(outcome.messageKey, 'checks-odp:apiKey.forbidden');
    const causes: Record<'en' | 'fr', RegExp[]> = {
      en: [/mistyped or revoked/, /public key instead of the private/, /another region/],
      fr: [/erronée ou révoquée/, /clé publique au lieu de la clé privée/, /une autre région/],
    };
    for (const [language, expected] of Object.entries(causes) as Array<['en' | 'fr', RegExp[]]>) {
      const text = translator(() => language)(outcome.messageKey, outcome.params);
      assert.match(text, /403/, language);
      assert.match(text, /\bEU\b/, language);
      for (const cause of expected) assert.match(text, cause, language);
    }
  });

  test('detect automatically: the key is tried in US, then EU, read-only, and ODP fields come from where it answered', async () => {
    const before = fake.requests.length;
    const { results, artifacts } = await runChecks({
      client: testClient({ inputs: { 'odp.region': 'auto' } }),
      definitions: [check('odp.api_key'), check('odp.fields')],
      secrets: secretsOf({ 'odp.apiKey': fakeKeys.euBare }),
      http: createHttpClient({ allowInsecureLoopback: true, retries: 0 }),
    });
    assert.deepEqual(
      fake.requests.slice(before).map((r) => `${r.method} ${r.path}`),
      [
        'GET /us/v3/schema/objects/customers/fields',
        'GET /eu/v3/schema/objects/customers/fields',
        'GET /eu/v3/schema/objects/customers/fields',
      ],
    );
    const apiKey = results.find((r) => r.id === 'odp.api_key');
    assert.equal(apiKey?.status, 'pass');
    assert.match(translator(() => 'en')(apiKey?.messageKey ?? '', apiKey?.params), /region EU/);
    assert.equal(results.find((r) => r.id === 'odp.fields')?.status, 'pass');
    assert.equal((artifacts['odp.fields'] as { region: string }).region, 'eu');
  });

  test('odp.apiBase points the registered checks at a local service', async () => {
    const def = odpChecks.find((c) => c.id === 'odp.api_key');
    assert.ok(def);
    const client = testClient({ inputs: { 'odp.apiBase': fake.bases.eu } });
    assert.equal(def.host?.(client), new URL(fake.url).host);
    const { outcome } = await runCheck(def, { client, secrets: { 'odp.apiKey': fakeKeys.eu } });
    assert.equal(outcome.status, 'pass');
    assert.equal(lastPath(), '/eu/v3/schema/objects/customers/fields');
  });

  test('no answer at all is left to the engine to word (network error thrown)', async () => {
    const dead = await startOdpFake();
    await dead.close();
    const client = testClient({ inputs: { 'odp.apiBase': dead.bases.us } });
    await assert.rejects(
      runCheck(check('odp.api_key'), { client, secrets: { 'odp.apiKey': fakeKeys.us } }),
      { name: 'NetError' },
    );
  });
});

describe('odp.fields', () => {
  test('lists name, display name and type, and keeps them with the client', async () => {
    const { outcome, artifacts } = await runCheck(check('odp.fields'), {
      client: testClient(),
      secrets: { 'odp.apiKey': fakeKeys.eu },
    });
    assert.equal(outcome.status, 'pass');
    assert.equal(outcome.params?.emailField, 'last_seen_email');
    assert.equal(outcome.params?.count, defaultFakeFields.length);
    const saved = artifacts['odp.fields'] as {
      region: string;
      fields: Array<Record<string, string>>;
    };
    assert.equal(saved.region, 'eu');
    assert.deepEqual(
      saved.fields.find((f) => f.name === 'company_name'),
      { name: 'company_name', displayName: 'Company Name', type: 'string' },
    );
  });

  test('warns when no field is displayed as "Last Seen Email"', async () => {
    const bare = await startOdpFake({
      fields: defaultFakeFields.filter((f) => f.display_name !== 'Last Seen Email'),
    });
    try {
      const client = testClient({ inputs: { 'odp.apiBase': bare.bases.us } });
      const { outcome } = await runCheck(check('odp.fields'), {
        client,
        secrets: { 'odp.apiKey': fakeKeys.us },
      });
      assert.equal(outcome.status, 'warn');
      assert.equal(outcome.messageKey, 'checks-odp:fields.noLastSeenEmail');
    } finally {
      assert.deepEqual(bare.writes(), []);
      await bare.close();
    }
  });
});

describe('odp.currents_endpoint', () => {
  const run = (
    url: string,
    token: string,
    optIns: string[] = [],
    extra: { offline?: boolean; allowInsecureLoopback?: boolean } = {},
  ) =>
    runCheck(check('odp.currents_endpoint'), {
      client: testClient({ inputs: { 'odp.currentsUrl': url } }),
      secrets: { 'odp.currentsToken': token },
      optIns,
      ...extra,
    });
  const live = ['odp.currentsLive'];

  const cases: Array<[string, () => string, string, string[], string, string]> = [
    [
      'http to a remote host',
      () => 'http://function.zaius.app/braze',
      fakeCurrentsToken,
      [],
      'fail',
      'currents.url.notHttps',
    ],
    [
      'not a URL',
      () => 'function.zaius.app/braze',
      fakeCurrentsToken,
      [],
      'fail',
      'currents.url.notUrl',
    ],
    [
      'credentials in the URL',
      () => 'https://u:p@function.zaius.app/braze',
      fakeCurrentsToken,
      [],
      'fail',
      'currents.url.credentialsInUrl',
    ],
    [
      'token with a space',
      () => 'https://function.zaius.app/braze',
      'abc def',
      [],
      'fail',
      'currents.tokenInvalid',
    ],
    [
      'token in quotes',
      () => 'https://function.zaius.app/braze',
      '"abc"',
      [],
      'fail',
      'currents.tokenInvalid',
    ],
    [
      'well formed, no live test',
      () => 'https://function.zaius.app/braze',
      'YWJj-._~+/de==',
      [],
      'pass',
      'currents.formatOk',
    ],
    [
      'loopback without live test, rehearsing on local services',
      () => fake.currentsUrl,
      fakeCurrentsToken,
      [],
      'pass',
      'currents.localUrl',
    ],
    [
      'live: token accepted',
      () => fake.currentsUrl,
      fakeCurrentsToken,
      live,
      'pass',
      'currents.liveAccepted',
    ],
    [
      'live: token rejected',
      () => fake.currentsUrl,
      'd3Jvbmc=',
      live,
      'fail',
      'currents.liveTokenRejected',
    ],
    [
      'live: wrong URL',
      () => `${fake.url}/braze/curents`,
      fakeCurrentsToken,
      live,
      'fail',
      'currents.liveNotFound',
    ],
  ];
  for (const [name, url, token, optIns, status, key] of cases) {
    test(name, async () => {
      const before = fake.requests.length;
      const { outcome } = await run(url(), token, optIns);
      assert.equal(outcome.status, status);
      assert.equal(outcome.messageKey, `checks-odp:${key}`);
      // Only the opted-in live test touches the network.
      assert.equal(fake.requests.length - before, optIns.length ? 1 : 0);
    });
  }

  test('live test sends an empty batch with the bearer token and Currents version; labelled a hint', async () => {
    const { outcome } = await run(fake.currentsUrl, fakeCurrentsToken, live);
    const sent = fake.requests.at(-1);
    assert.equal(sent?.method, 'POST');
    assert.equal(sent?.headers.authorization, `Bearer ${fakeCurrentsToken}`);
    assert.equal(sent?.headers['braze-currents-version'], '1');
    assert.deepEqual(JSON.parse(sent?.body ?? ''), { events: [] });
    assert.deepEqual(outcome.details, { live: true, hint: true, status: 200 });
    assert.ok(!JSON.stringify(outcome).includes(fakeCurrentsToken));
  });

  test('a loopback URL is refused like any http URL unless rehearsing on local services', async () => {
    const { outcome } = await run(fake.currentsUrl, fakeCurrentsToken, [], {
      allowInsecureLoopback: false,
    });
    assert.equal(outcome.status, 'fail');
    assert.equal(outcome.messageKey, 'checks-odp:currents.url.notHttps');
  });

  test('offline, the live test asked for is skipped as offline without a request', async () => {
    const before = fake.requests.length;
    const { outcome } = await run(fake.currentsUrl, fakeCurrentsToken, live, { offline: true });
    assert.equal(outcome.status, 'skipped');
    assert.equal(outcome.messageKey, 'checks:skip.offline');
    assert.equal(fake.requests.length, before);
  });

  test('live test: a 403 for the token is a rejected token too', async () => {
    const strict = await startOdpFake({ currentsRejectStatus: 403 });
    try {
      const { outcome } = await run(strict.currentsUrl, 'd3Jvbmc=', live);
      assert.equal(outcome.status, 'fail');
      assert.equal(outcome.messageKey, 'checks-odp:currents.liveTokenRejected');
      assert.equal(strict.requests.at(-1)?.method, 'POST');
    } finally {
      await strict.close();
    }
  });
});

describe('odp.braze_key', () => {
  const permissions = documentedOdpKeyPermissions;
  const deps = (statuses: Record<string, 'pass' | 'fail' | 'inconclusive' | 'warn'>) =>
    Object.fromEntries(
      permissions.map((p) => [`braze.permission.${p}`, { status: statuses[p] ?? 'pass' }]),
    );

  test('depends on the five Braze permission checks instead of probing again', () => {
    assert.deepEqual(
      check('odp.braze_key').dependsOn,
      permissions.map((p) => `braze.permission.${p}`),
    );
    // It sends nothing itself, but offline its probes are skipped, so it is skipped as offline too.
    assert.equal(check('odp.braze_key').requires.network, true);
  });

  const cases: Array<
    [
      string,
      Record<string, 'pass' | 'fail' | 'inconclusive' | 'warn'>,
      string,
      string,
      string | undefined,
    ]
  > = [
    ['all five present', {}, 'pass', 'brazeKey.pass', undefined],
    [
      'two missing',
      { 'segments.list': 'fail', 'canvas.trigger.send': 'fail' },
      'fail',
      'brazeKey.missing',
      'segments.list, canvas.trigger.send',
    ],
    [
      'one unknown',
      { 'users.track': 'inconclusive' },
      'inconclusive',
      'brazeKey.unknown',
      'users.track',
    ],
    [
      'missing wins over unknown',
      { 'users.track': 'inconclusive', 'users.export.segment': 'fail' },
      'fail',
      'brazeKey.missing',
      'users.export.segment',
    ],
  ];
  for (const [name, statuses, status, key, listed] of cases) {
    test(name, async () => {
      const { outcome } = await runCheck(check('odp.braze_key'), {
        client: testClient(),
        secrets: { 'braze.apiKey': 'b-key' },
        dependencies: deps(statuses),
      });
      assert.equal(outcome.status, status);
      assert.equal(outcome.messageKey, `checks-odp:${key}`);
      assert.equal(outcome.params?.permissions, listed);
      const matrix = (outcome.details as { matrix: Array<Record<string, string>> }).matrix;
      // The real permission name is shown, with the partner page's plural spelling noted.
      assert.deepEqual(matrix[1], {
        permission: 'users.export.segment',
        status: statuses['users.export.segment'] ?? 'pass',
        seedSpelling: 'users.export.segments',
      });
    });
  }
});

describe('plan checks (offline, from the saved plan)', () => {
  const fieldsArtifact: JsonValue = {
    fetchedAt: '2025-01-01T00:00:00.000Z',
    region: 'us',
    fields: defaultFakeFields.map((f) => ({
      name: f.name,
      displayName: f.display_name,
      type: f.type,
    })),
  };
  const withPlan = (plan: OdpPlan, extra: Record<string, JsonValue> = {}) =>
    testClient({
      artifacts: {
        'odp.plan': plan as unknown as JsonValue,
        'odp.fields': fieldsArtifact,
        ...extra,
      },
    });
  const base = emptyOdpPlan('last_seen_email');

  test('odp.segments fails with the no-profile warning when nothing is chosen', async () => {
    const { outcome } = await runCheck(check('odp.segments'), { client: withPlan(base) });
    assert.equal(outcome.status, 'fail');
    assert.equal(outcome.messageKey, 'checks-odp:segments.fail');
    const none = await runCheck(check('odp.segments'), { client: testClient() });
    assert.equal(none.outcome.status, 'fail');
  });

  test('odp.segments passes with "import all" or chosen segments still in Braze', async () => {
    const all = await runCheck(check('odp.segments'), {
      client: withPlan({ ...base, segments: { importAll: true, segments: [] } }),
    });
    assert.equal(all.outcome.messageKey, 'checks-odp:segments.passAll');
    const chosen = {
      ...base,
      segments: {
        importAll: false,
        segments: [
          { id: 's1', name: 'VIP' },
          { id: 's9', name: 'Gone' },
        ],
      },
    };
    const braze = {
      'braze.segments': {
        fetchedAt: '2025-01-01T00:00:00.000Z',
        instance: 'US-03',
        segments: [{ id: 's1', name: 'VIP' }],
      },
    };
    const { outcome } = await runCheck(check('odp.segments'), { client: withPlan(chosen, braze) });
    assert.equal(outcome.status, 'warn');
    assert.equal(outcome.params?.count, 2);
  });

  test('odp.mappings reads the fields fetched in the same run, else the saved ones', async () => {
    const plan = {
      ...base,
      mappings: [
        ...base.mappings,
        { brazeField: 'plan', brazeType: 'string' as const, odpField: 'plan_tier' },
      ],
    };
    const saved = await runCheck(check('odp.mappings'), { client: withPlan(plan) });
    assert.equal(saved.outcome.status, 'fail');
    const fresh = await runCheck(check('odp.mappings'), {
      client: withPlan(plan),
      dependencies: {
        'odp.fields': {
          status: 'pass',
          details: {
            fields: [
              { name: 'last_seen_email', displayName: 'Last Seen Email', type: 'string' },
              { name: 'plan_tier', displayName: 'Plan', type: 'string' },
            ],
          },
        },
      },
    });
    assert.equal(fresh.outcome.status, 'pass');
    const noFields = await runCheck(check('odp.mappings'), {
      client: testClient({ artifacts: { 'odp.plan': plan as unknown as JsonValue } }),
    });
    assert.equal(noFields.outcome.status, 'inconclusive');
  });

  test('odp.activation validates the planned activation', async () => {
    // Pinned: a schedule's verdict depends on the day (a start in the past, a daylight-saving change).
    const now = () => new Date('2026-12-07T23:05:00Z');
    const good = {
      ...defaultActivation('Europe/Paris', '2026-12-08'),
      targetIdentifier: 'email',
      enrollment: { kind: 'segment' as const, segment: 'Buyers' },
    };
    const ok = await runCheck(check('odp.activation'), {
      client: withPlan({ ...base, activation: good }),
      now,
    });
    assert.equal(ok.outcome.status, 'pass');
    const bad = {
      ...good,
      additionalFields: [{ brazeField: 'company', value: '{{customer.company}}' }],
    };
    const failed = await runCheck(check('odp.activation'), {
      client: withPlan({ ...base, activation: bad }),
      now,
    });
    assert.equal(failed.outcome.status, 'fail');
    const issues = (
      failed.outcome.details as {
        issues: Array<{ messageKey: string; params: Record<string, string> }>;
      }
    ).issues;
    assert.deepEqual(
      issues.map((i) => [i.messageKey, i.params.field]),
      [['odp:issue.activation.unknownCustomerField', 'company']],
    );
    const none = await runCheck(check('odp.activation'), { client: withPlan(base) });
    assert.equal(none.outcome.messageKey, 'checks-odp:activation.none');
  });
});

describe('odp.segments against the Braze segments listed in the same run', () => {
  const brazeKey = 'braze-odp-segments-key-0001';
  let braze: BrazeFake;
  before(async () => {
    braze = await startBrazeFake({ keys: { [brazeKey]: {} }, names: { segments: ['VIP'] } });
  });
  after(() => braze.close());

  const staleList = (ids: string[]): JsonValue => ({
    fetchedAt: '2025-01-01T00:00:00.000Z',
    instance: 'custom',
    segments: ids.map((id) => ({ id, name: id })),
  });
  const cases: Array<[string, Record<string, JsonValue>]> = [
    ['first run, no list saved yet', {}],
    ['a saved list from before the segment was deleted', { 'braze.segments': staleList(['gone']) }],
  ];
  for (const [name, saved] of cases) {
    test(`${name}: a chosen segment Braze no longer has is named`, async () => {
      const [vip = ''] = braze.knownIds.segments;
      const plan = {
        ...emptyOdpPlan('last_seen_email'),
        segments: {
          importAll: false,
          segments: [
            { id: vip, name: 'VIP' },
            { id: 'gone', name: 'Deleted last week' },
          ],
        },
      };
      const client = testClient({
        braze: { instance: 'custom', restEndpoint: braze.url },
        artifacts: { 'odp.plan': plan, ...saved },
      });
      const { results } = await runChecks({
        client,
        definitions: withDependencies(
          [...brazeChecks, ...createOdpChecks(fake.bases)],
          ['odp.segments'],
        ),
        secrets: secretsOf({ 'braze.apiKey': brazeKey }),
        http: createHttpClient({ allowInsecureLoopback: true, retries: 0 }),
      });
      assert.equal(results.find((r) => r.id === 'braze.segments')?.status, 'pass');
      const segments = results.find((r) => r.id === 'odp.segments');
      assert.equal(segments?.status, 'warn');
      const issues = (
        segments.details as { issues: Array<{ messageKey: string; params: JsonValue }> }
      ).issues;
      assert.deepEqual(issues, [
        {
          messageKey: 'odp:issue.segments.notInBraze',
          params: { name: 'Deleted last week' },
          path: '1',
          severity: 'warning',
        },
      ]);
    });
  }
});

describe('a saved plan that no longer reads', () => {
  const activation = {
    ...defaultActivation('Europe/Paris', '2026-12-08'),
    enrollment: { kind: 'segment', segment: 'Buyers' },
    targetIdentifier: 'email',
  };
  const planChecks = ['odp.segments', 'odp.mappings', 'odp.activation'];
  const unreadable: Array<[string, JsonValue, string]> = [
    [
      '26 additional fields',
      {
        ...activation,
        additionalFields: Array.from({ length: 26 }, (_, i) => ({
          brazeField: `f${i}`,
          value: '{{customer.company_name}}',
        })),
      },
      'artifacts["odp.plan"].activation.additionalFields',
    ],
    [
      'a kind of target ODP has not',
      { ...activation, addUsersTo: { kind: 'journey', id: 'j1', name: 'J' } },
      'artifacts["odp.plan"].activation.addUsersTo.kind',
    ],
  ];
  for (const [name, savedActivation, field] of unreadable) {
    test(`${name}: every plan check fails naming the field, none reads it as "no plan"`, async () => {
      const plan = { ...emptyOdpPlan('last_seen_email'), activation: savedActivation };
      const client = testClient({ artifacts: { 'odp.plan': plan } });
      const { results } = await runChecks({
        client,
        definitions: withDependencies([...brazeChecks, ...createOdpChecks(fake.bases)], planChecks),
        secrets: secretsOf({}),
        http: createHttpClient({ allowInsecureLoopback: true, retries: 0 }),
      });
      const t = translator(() => 'en');
      for (const id of planChecks) {
        const result = results.find((r) => r.id === id);
        assert.equal(result?.status, 'fail', id);
        assert.equal(result?.messageKey, 'checks-odp:plan.unreadable', id);
        assert.match(t(result.messageKey, result.params), /no longer reads/, id);
        assert.ok(t(result.messageKey, result.params).includes(field), id);
      }
      // The client's plan is what it was: nothing rewrote it.
      assert.deepEqual(client.artifacts['odp.plan'], plan);
    });
  }
});

describe('the ODP fake answers as the reference documents', () => {
  test('403 body, lists with 202, writes logged so "no write" assertions can fail', async () => {
    const own = await startOdpFake();
    try {
      const bad = await fetch(`${own.bases.us}/v3/lists`, { headers: { 'x-api-key': 'nope' } });
      assert.equal(bad.status, 403);
      assert.deepEqual(await bad.json(), { message: 'Forbidden' });
      const lists = await fetch(`${own.bases.us}/v3/lists`, {
        headers: { 'x-api-key': fakeKeys.us },
      });
      assert.equal(lists.status, 202);
      assert.equal(((await lists.json()) as { lists: unknown[] }).lists.length, 1);
      const write = await fetch(`${own.bases.us}/v3/schema/objects/customers/fields`, {
        method: 'POST',
        headers: { 'x-api-key': fakeKeys.us, 'content-type': 'application/json' },
        body: JSON.stringify({ name: 'x', type: 'string', display_name: 'X' }),
      });
      assert.equal(write.status, 202);
      assert.equal(own.writes().length, 1);
    } finally {
      await own.close();
    }
  });
});
