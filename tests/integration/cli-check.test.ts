import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { startBrazeFake, type BrazeFake } from '../support/braze-fake.ts';
import { acme, brazeJsonArgs, cli, clientFile, type JsonReport } from '../support/cli-check.ts';
import { savedBrazeClient } from '../support/saved-client.ts';
import { tempDir } from '../support/temp-dir.ts';

const goodKey = 'good-key-0123456789abcdef';

let fake: BrazeFake;
before(async () => {
  fake = await startBrazeFake({
    keys: {
      [goodKey]: {},
      'no-canvas-key-0123456789': {
        permissions: [
          'users.track',
          'users.export.segment',
          'segments.list',
          'campaigns.trigger.send',
        ],
      },
    },
    segments: 120,
  });
});
after(async () => {
  await fake.close();
  assert.deepEqual(fake.sideEffects(), []);
});

describe('partner-setup check (spawned)', () => {
  it('runs through npx: every Braze check passes, exit 0, one JSON document in English', async (t) => {
    assert.match(
      fake.url,
      /^http:\/\/127\.0\.0\.1:/,
      'the client file names a plain-http loopback endpoint',
    );
    const file = await clientFile(t, acme(fake.url));
    const ran = await cli(
      ['partner-setup', ...brazeJsonArgs(file)],
      { BRAZE_API_KEY: goodKey },
      { command: 'npx', prefix: ['--no-install'] },
    );
    assert.equal(ran.code, 0, ran.stderr);
    const report = JSON.parse(ran.stdout) as JsonReport;
    assert.equal(report.client.name, 'Acme Retail');
    assert.equal(report.verdict, 'verified');
    assert.equal(report.integrations.optimizely?.verdict, 'verified');
    assert.equal(report.summary.passing, 7);
    assert.deepEqual(
      report.checks.map((c) => [c.id, c.status]),
      [
        ['braze.api_key', 'pass'],
        ['braze.permission.users.track', 'pass'],
        ['braze.permission.users.export.segment', 'pass'],
        ['braze.permission.segments.list', 'pass'],
        ['braze.permission.campaigns.trigger.send', 'pass'],
        ['braze.permission.canvas.trigger.send', 'pass'],
        ['braze.segments', 'pass'],
      ],
    );
    for (const check of report.checks) {
      assert.deepEqual(Object.keys(check), ['id', 'status', 'message', 'details', 'durationMs']);
      assert.ok(check.durationMs >= 0);
      assert.doesNotMatch(check.message, /checks-braze:|\{\{/);
    }
    assert.match(report.checks[6]?.message ?? '', /Segments found: 120/);
    assert.ok(
      !ran.stdout.includes(goodKey) && !ran.stderr.includes(goodKey),
      'the key was printed',
    );
    assert.equal(ran.stderr, '', 'no progress lines when stderr is not a terminal');
  });

  it('runs only what a Jacquard-only client’s guide names: no ODP-only permission, no segment list', async (t) => {
    // This key lacks canvas.trigger.send, which only ODP's Braze app needs.
    const file = await clientFile(t, { ...acme(fake.url), integrations: ['jacquard'] });
    const env = { BRAZE_API_KEY: 'no-canvas-key-0123456789' };
    const seen = fake.requests.length;
    const ran = await cli(
      ['check', '--client-file', file, '--only', 'braze', '--json', '--allow-insecure-loopback'],
      env,
    );
    assert.equal(ran.code, 0, ran.stderr);
    const report = JSON.parse(ran.stdout) as JsonReport;
    assert.deepEqual(
      report.checks.map((c) => [c.id, c.status]),
      [['braze.api_key', 'pass']],
    );
    // The key is proved by one request for the first page; no listing of the rest, no probes.
    assert.deepEqual(
      fake.requests.slice(seen).map((r) => `${r.path}?page=${r.query.page ?? ''}`),
      ['/segments/list?page=0'],
      'only the key probe may reach Braze for a client that syncs no segments',
    );

    const odp = await cli(
      ['check', '--client-file', file, '--only', 'optimizely', '--allow-insecure-loopback'],
      env,
    );
    assert.equal(odp.code, 2);
    assert.match(
      odp.stderr,
      /--only must be one of this client’s integrations or checks \(jacquard, braze\)/,
    );
  });

  it('exits 1 when a check fails, and says which permission is missing', async (t) => {
    const file = await clientFile(t, acme(fake.url));
    const ran = await cli(['check', '--client-file', file, '--json', '--allow-insecure-loopback'], {
      BRAZE_API_KEY: 'no-canvas-key-0123456789',
    });
    assert.equal(ran.code, 1);
    assert.equal((JSON.parse(ran.stdout) as JsonReport).verdict, 'failing');
    const canvas = (JSON.parse(ran.stdout) as JsonReport).checks.find(
      (c) => c.id === 'braze.permission.canvas.trigger.send',
    );
    assert.equal(canvas?.status, 'fail');
    assert.match(canvas?.message ?? '', /does not have the canvas\.trigger\.send permission/);
  });

  it('refuses plain http to loopback unless allowed by flag or environment', async (t) => {
    const file = await clientFile(t, acme(fake.url));
    const before = fake.requests.length;
    const refused = await cli(['check', '--client-file', file, '--only', 'braze', '--json'], {
      BRAZE_API_KEY: goodKey,
    });
    assert.equal(refused.code, 1);
    assert.ok(
      (JSON.parse(refused.stdout) as JsonReport).checks.every((c) =>
        /only allowed for a local test service/.test(c.message),
      ),
    );
    assert.equal(fake.requests.length, before);
    const allowed = await cli(['check', '--client-file', file, '--only', 'braze', '--json'], {
      BRAZE_API_KEY: goodKey,
      PARTNER_SETUP_ALLOW_INSECURE_LOOPBACK: '1',
    });
    assert.equal(allowed.code, 0, allowed.stdout);
  });

  it('prints a readable report in the chosen language, without colour when not on a terminal', async (t) => {
    const file = await clientFile(t, acme(fake.url));
    const ran = await cli(
      [
        'check',
        '--client-file',
        file,
        '--only',
        'braze',
        '--lang',
        'fr',
        '--allow-insecure-loopback',
      ],
      {
        BRAZE_API_KEY: goodKey,
      },
    );
    assert.equal(ran.code, 0, ran.stderr);
    assert.match(ran.stdout, /Réussi {2}Clé d’API REST Braze \(braze\.api_key\)/);
    assert.match(ran.stdout, /7 réussis/);
    assert.match(
      ran.stdout,
      /^Vérifié — chaque contrôle concerné a réussi ou averti \(contrôles : 7\)$/m,
    );
    assert.ok(!ran.stdout.includes('\u001b['), 'colour codes in the output');
  });

  it('skips (without failing) what has no secret, but verified nothing: exit 3, reason given', async (t) => {
    const file = await clientFile(t, acme(fake.url));
    const ran = await cli(brazeJsonArgs(file));
    assert.equal(ran.code, 3, 'a scheduled job with no secret must not go green');
    const report = JSON.parse(ran.stdout) as JsonReport;
    assert.ok(
      report.checks.every((c) => c.status === 'skipped' && /braze\.apiKey/.test(c.message)),
    );
    assert.equal(report.verdict, 'not-verified');
    assert.deepEqual(report.summary.reasons, { missingSecret: 7 });
    assert.equal(report.summary.failing, 0);
    assert.match(report.summary.message, /^Not verified — checks without a current verdict: 7/);

    const text = await cli([
      'check',
      '--client-file',
      file,
      '--only',
      'braze',
      '--allow-insecure-loopback',
    ]);
    assert.equal(text.code, 3);
    assert.match(
      text.stdout,
      /^Not verified — checks without a current verdict: 7 \(skipped, a secret is missing: 7\)$/m,
    );
  });

  it('says what was not requested (an opt-in not given), which does not make the run unverified', async (t) => {
    const file = await clientFile(t, acme(fake.url));
    const notRequested = /^Not requested: Send an empty test batch .*--opt-in odp\.currentsLive/m;
    const ran = await cli(['check', '--client-file', file, '--allow-insecure-loopback']);
    assert.match(ran.stdout, notRequested);
    const json = JSON.parse(
      (await cli(['check', '--client-file', file, '--json', '--allow-insecure-loopback'])).stdout,
    ) as JsonReport;
    assert.deepEqual(json.notRequested, ['odp.currentsLive']);
    const given = await cli([
      'check',
      '--client-file',
      file,
      '--opt-in',
      'odp.currentsLive',
      '--allow-insecure-loopback',
    ]);
    assert.doesNotMatch(given.stdout, notRequested);
  });

  const usageCases: [string, (file: string) => string[], RegExp][] = [
    ['no client', () => ['check'], /exactly one of --client NAME or --client-file FILE/],
    ['both clients', (f) => ['check', '--client', 'Acme', '--client-file', f], /exactly one of/],
    [
      'bad --only',
      (f) => ['check', '--client-file', f, '--only', 'salesforce'],
      /--only must be one of this client’s integrations or checks \(braze, jacquard, optimizely\), not "salesforce"/,
    ],
    ['bad --lang', (f) => ['check', '--client-file', f, '--lang', 'it'], /--lang must be/],
    [
      'bad --timeout',
      (f) => ['check', '--client-file', f, '--timeout', 'soon'],
      /--timeout must be/,
    ],
    ['unknown option', (f) => ['check', '--client-file', f, '--api-key', 'x'], /api-key/],
    [
      'a secret as an argument',
      (f) => ['check', '--client-file', f, 'my-secret-key'],
      /never from arguments/,
    ],
    [
      'missing file',
      () => ['check', '--client-file', '/nonexistent/client.json'],
      /cannot read client file .*ENOENT/,
    ],
  ];
  for (const [name, args, message] of usageCases) {
    it(`exits 2 with one clear line: ${name}`, async (t) => {
      const file = await clientFile(t, acme(fake.url));
      const ran = await cli(args(file));
      assert.equal(ran.code, 2);
      assert.match(ran.stderr, message);
      assert.equal(ran.stderr.trim().split('\n').length, 1, ran.stderr);
      assert.equal(ran.stdout, '');
    });
  }

  it('says its error lines in the --lang language', async (t) => {
    const file = await clientFile(t, acme('http://remote.example'));
    const translated: [string[], string][] = [
      [
        ['check', '--lang', 'fr', '--client-file', '/nonexistent/client.json'],
        'partner-setup check: impossible de lire le fichier client « /nonexistent/client.json » (ENOENT).\n',
      ],
      [
        ['check', '--client-file', file, '--api-key', 'x', '--lang=de'],
        'partner-setup check: unbekannte Option „--api-key“. Führen Sie „partner-setup check --help“ aus.\n',
      ],
      [
        ['check', '--client-file', file, '--lang', 'es'],
        `partner-setup check: archivo de cliente «${file}»: El campo «braze.restEndpoint» `,
      ],
      [
        ['export', '--lang', 'fr', '--format', 'docx', '--client', 'Acme'],
        'partner-setup export: --format doit valoir json, html, md, pdf, pas « docx ».\n',
      ],
      [['export', '--lang', 'pt'], 'partner-setup export: indique o cliente com --client NOME.\n'],
      [
        ['export', '--client', 'Acme', '--lang', 'de', '--lang', 'xx'],
        'partner-setup export: --lang muss en, fr, pt, es oder de sein, nicht „xx“.\n',
      ],
      [['import', 'a.json', '--replace', '--as-new'], 'partner-setup import: choose either'],
    ];
    for (const [args, line] of translated) {
      const ran = await cli(args);
      assert.equal(ran.code, 2);
      assert.ok(ran.stderr.startsWith(line), ran.stderr);
      assert.equal(ran.stderr.trim().split('\n').length, 1, ran.stderr);
    }
  });

  const badFiles: [string, unknown, RegExp][] = [
    ['not JSON', '{ nope', /not valid JSON/],
    ['wrong version', { ...acme('https://x.example'), version: 99 }, /version/],
    [
      'unknown instance',
      { ...acme('https://x.example'), braze: { instance: 'US-99' } },
      /braze\.instance/,
    ],
    [
      'a secret in the file',
      { ...acme('https://x.example'), braze: { instance: 'US-03', apiKey: 'x' } },
      /environment variables/,
    ],
    [
      'an export edited after the fact',
      { ...acme('https://x.example'), checksum: `sha256:${'0'.repeat(64)}` },
      /does not match the content.*delete its “checksum” line/,
    ],
    [
      'not a URL',
      { ...acme('notaurl'), braze: { instance: 'custom', restEndpoint: 'notaurl' } },
      /braze\.restEndpoint/,
    ],
    // Plain http only reaches a loopback service (http://127.0.0.1 above runs every check).
    ['plain http to a remote host', acme('http://remote.example'), /“braze\.restEndpoint”/],
  ];
  for (const [name, content, message] of badFiles) {
    it(`exits 2 on a bad client file: ${name}`, async (t) => {
      const ran = await cli(['check', '--client-file', await clientFile(t, content)]);
      assert.equal(ran.code, 2);
      assert.match(ran.stderr, message);
      assert.equal(ran.stderr.trim().split('\n').length, 1);
    });
  }

  const fakeKey = 'QZXW9931KJHV7720';
  const notJsonSecrets: [string, string][] = [
    ['a .env file', `BRAZE_API_KEY=${fakeKey}\n`],
    ['a file holding only a key', fakeKey],
  ];
  for (const [name, content] of notJsonSecrets) {
    it(`a client file that is not JSON is placed by line and column, never quoted: ${name}`, async (t) => {
      const file = await clientFile(t, content);
      const ran = await cli(['check', '--client-file', file]);
      assert.equal(ran.code, 2);
      assert.equal(
        ran.stderr,
        `partner-setup check: client file "${file}": This file is not valid JSON (line 1, column 1): it may be cut short or damaged.\n`,
      );
      const printed = (ran.stdout + ran.stderr).replaceAll(file, '');
      for (let i = 0; i + 2 <= content.trim().length; i++) {
        assert.ok(
          !printed.includes(content.slice(i, i + 2)),
          `printed "${content.slice(i, i + 2)}"`,
        );
      }
    });
  }

  it('an environment error is one line and exit 2; PARTNER_SETUP_DEBUG=1 adds the stack', async (t) => {
    const regularFile = join(await tempDir(t), 'not-a-folder');
    await writeFile(regularFile, '');
    const env = { PARTNER_SETUP_HOME: join(regularFile, 'sub') };
    const args = ['check', '--client', 'Acme Retail'];
    const ran = await cli(args, env);
    assert.equal(ran.code, 2);
    assert.match(
      ran.stderr,
      /^partner-setup check: ENOTDIR: not a directory, mkdir '.*\/not-a-folder\/sub' \(PARTNER_SETUP_DEBUG=1 prints the details\)\n$/,
    );
    const debug = await cli(args, { ...env, PARTNER_SETUP_DEBUG: '1' });
    assert.equal(debug.code, 2);
    assert.match(debug.stderr, /\n\s+at .*client-store\.ts/);
  });

  it('check --help states that the exit status is the verdict', async () => {
    const ran = await cli(['check', '--help']);
    assert.equal(ran.code, 0);
    for (const line of [/^ {2}0 +verified: /m, /^ {2}1 +failing: /m, /^ {2}3 +not verified: /m]) {
      assert.match(ran.stdout, line);
    }
    assert.match(ran.stdout, /"verdict": "verified" \| "failing" \|/);
  });

  it('schema client prints the client file’s JSON Schema', async () => {
    const ran = await cli(['schema', 'client']);
    assert.equal(ran.code, 0);
    const schema = JSON.parse(ran.stdout) as {
      $schema: string;
      properties: Record<string, unknown>;
      required: string[];
    };
    assert.match(schema.$schema, /json-schema\.org/);
    assert.deepEqual(Object.keys(schema.properties).sort(), [
      '$schema',
      'artifacts',
      'braze',
      'checkResults',
      'checksum',
      'confirmations',
      'exportedAt',
      'id',
      'inputs',
      'integrations',
      'jacquard',
      'name',
      'odp',
      'version',
    ]);
    assert.deepEqual(schema.required.sort(), ['integrations', 'name', 'version']);
    assert.equal((await cli(['schema', 'nope'])).code, 2);
  });

  it('--client uses the saved client and its keychain key, and stores the results', async (t) => {
    const { home, store, client } = await savedBrazeClient(t, fake.url, goodKey);

    const env = {
      PARTNER_SETUP_HOME: home,
      DBUS_SESSION_BUS_ADDRESS: process.env.DBUS_SESSION_BUS_ADDRESS ?? '',
    };
    const ran = await cli(
      [
        'check',
        '--client',
        'Acme Retail',
        '--only',
        'braze',
        '--json',
        '--allow-insecure-loopback',
      ],
      env,
    );
    assert.equal(ran.code, 0, ran.stdout + ran.stderr);
    assert.ok((JSON.parse(ran.stdout) as JsonReport).checks.every((c) => c.status === 'pass'));
    assert.equal((JSON.parse(ran.stdout) as JsonReport).verdict, 'verified');
    await store.refresh();
    const saved = store.get(client.id);
    assert.equal(saved.checkResults['braze.api_key']?.status, 'pass');
    assert.equal(
      (saved.artifacts['braze.segments'] as { segments: unknown[] }).segments.length,
      120,
    );

    const unknown = await cli(['check', '--client', 'Nobody Inc'], env);
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /no saved client named "Nobody Inc"/);
  });

  it('--client with no reachable keychain: every check inconclusive, not verified, exit 3', async (t) => {
    const { home } = await savedBrazeClient(t, fake.url, goodKey);
    const ran = await cli(
      [
        'check',
        '--client',
        'Acme Retail',
        '--only',
        'braze',
        '--json',
        '--allow-insecure-loopback',
      ],
      { PARTNER_SETUP_HOME: home, DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/bus' },
    );
    assert.equal(ran.code, 3, ran.stdout + ran.stderr);
    const report = JSON.parse(ran.stdout) as JsonReport;
    assert.ok(
      report.checks.every((c) => c.status === 'inconclusive'),
      ran.stdout,
    );
    assert.equal(report.verdict, 'not-verified');
    assert.deepEqual(report.summary.reasons, { inconclusive: 7 });
  });
});
