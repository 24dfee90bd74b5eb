import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it, type TestContext } from 'node:test';
import { computeChecksum } from '../../shared/bundle/checksum.ts';
import { bundleFromClient } from '../../shared/bundle/convert.ts';
import { createI18n } from '../../shared/i18n/index.ts';
import { ClientStore } from '../../main/store/client-store.ts';
import { acme, clientFile, type JsonReport } from '../support/cli-check.ts';
import { runCliIsolated } from '../support/cli-process.ts';
import { handlerCaller } from '../support/handler-caller.ts';
import { memoryKeychain } from '../support/memory-keychain.ts';
import { reviewClient } from '../support/review-client.ts';
import { tempDir } from '../support/temp-dir.ts';
import { createServices } from '../../main/services.ts';

// What a terminal would act on instead of showing: a screen clear, a window title, a bell, a line
// feed that starts a fake line, a C1 CSI (`\u009b`) and a right-to-left override.
const attack = '\u001b[2J\u001b]0;pwned\u0007\nAll checks passed\u009b32m\u202e';
const fakeLine = 'All checks passed';

/** The first character a terminal acts on, other than the line feeds that end lines. */
const actedOn = (text: string): string | undefined =>
  [...text].find((c) => {
    const n = c.codePointAt(0) ?? 0;
    const c0 = n <= 0x1f && n !== 0x0a;
    const c1 = n >= 0x7f && n <= 0x9f;
    return c0 || c1 || (n >= 0x202a && n <= 0x202e) || (n >= 0x2066 && n <= 0x2069);
  });

function assertInert(output: string, label: string): void {
  const found = actedOn(output);
  assert.equal(found, undefined, `${label} carries U+${found?.codePointAt(0)?.toString(16)}`);
  assert.ok(
    output.split('\n').every((line) => line.trim() !== fakeLine),
    `${label} shows a line of its own: ${output}`,
  );
}

/** A "Braze" whose every answer quotes the attack in its message, as a hostile proxy could. */
let braze: { url: string; close(): Promise<void> };
before(async () => {
  const server = createServer((_req, res) => {
    res.writeHead(404, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ message: `Invalid URL.${attack}` }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  braze = {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
});
after(() => braze.close());

const brazeRun = async (t: TestContext, extra: string[]) =>
  runCliIsolated(
    [
      'check',
      '--client-file',
      await clientFile(t, acme(braze.url)),
      '--only',
      'braze',
      '--allow-insecure-loopback',
      ...extra,
    ],
    { BRAZE_API_KEY: 'key-0123456789abcdef', PARTNER_SETUP_HOME: await tempDir(t) },
  );

describe('nothing a service or a name holds can drive the terminal', () => {
  it('a service message with escape sequences and line feeds is shown escaped, on one line', async (t) => {
    const ran = await brazeRun(t, []);
    // Braze's 404 "Invalid URL." fails the key check: exit 1, as for any failed check.
    assert.equal(ran.code, 1, ran.stderr);
    assert.ok(ran.stdout.includes('Invalid URL.'), ran.stdout);
    assertInert(ran.stdout, 'the text report');
    assertInert(ran.stderr, 'stderr');
    // Shown, not hidden: the CSM can still read what the service sent.
    assert.ok(ran.stdout.includes('\\u001b[2J\\u001b]0;pwned\\u0007\\nAll checks passed'));
  });

  it('--json stays the same JSON, with no raw character a terminal acts on', async (t) => {
    const ran = await brazeRun(t, ['--json']);
    assert.equal(ran.code, 1, ran.stderr);
    assertInert(ran.stdout, 'the JSON report');
    const report = JSON.parse(ran.stdout) as JsonReport;
    assert.ok(
      report.checks.some((c) => c.message.includes(attack)),
      'the message, once parsed, is what the service sent',
    );
  });

  it('a name saved before names were checked, and a name typed on the command line, are escaped', async (t) => {
    const home = await tempDir(t);
    const store = await ClientStore.open(home);
    const name = `Evil${attack}`;
    await store.create({ name, integrations: ['optimizely'] });
    const env = { PARTNER_SETUP_HOME: home };
    const saved = await runCliIsolated(['check', '--client', name, '--only', 'braze'], env);
    // No key saved: every check skipped, so nothing is verified (exit 3).
    assert.equal(saved.code, 3, saved.stderr);
    assert.ok(saved.stdout.startsWith('Evil\\u001b[2J'), saved.stdout);
    assertInert(saved.stdout, 'the report of a saved client');

    const missing = await runCliIsolated(['check', '--client', `Nobody${attack}`], env);
    assert.equal(missing.code, 2);
    assert.equal(missing.stderr.trim().split('\n').length, 1, missing.stderr);
    assertInert(missing.stderr, 'the error line');
  });
});

describe('names with control characters are refused where they come in', () => {
  const names = [
    'Evil\u001b[2J',
    'Two\nlines',
    'Bell\u0007',
    'Tab\there',
    'C1\u009bcsi',
    'Bidi\u202eevil',
  ];

  it('creating, renaming or duplicating a client: refused with a translated message', async (t) => {
    const services = await createServices({
      home: await tempDir(t),
      mode: 'browser',
      keychain: memoryKeychain(),
    });
    await services.store.updateSettings({ language: 'fr' });
    const call = handlerCaller(services);
    const client = await call('clients:create', { name: 'Acme', integrations: ['jacquard'] });
    const expected = createI18n('fr').t('errors:request.nameControl');
    for (const name of names) {
      await assert.rejects(call('clients:create', { name, integrations: ['jacquard'] }), {
        message: expected,
      });
      await assert.rejects(call('clients:rename', { id: client.id, name }), { message: expected });
      await assert.rejects(call('clients:duplicate', { id: client.id, name }), {
        message: expected,
      });
    }
    assert.deepEqual(
      services.store.list().map((c) => c.name),
      ['Acme'],
    );
  });

  it('import and check --client-file: exit 2, one line naming the field', async (t) => {
    const dir = await tempDir(t);
    const home = await tempDir(t);
    const problem = createI18n('en').t('reports:bundle.problems.controlCharacters', {
      field: 'name',
    });
    // A few of them: each run is a process of its own.
    for (const name of ['Evil\u001b[2J', 'Two\nlines', 'Bidi\u202eevil']) {
      const body: Record<string, unknown> = { ...(await bundleFromClient(reviewClient())) };
      delete body.checksum;
      const file = join(dir, 'bundle.json');
      const renamed = { ...body, name };
      await writeFile(
        file,
        JSON.stringify({ ...renamed, checksum: await computeChecksum(renamed) }),
      );
      for (const args of [
        ['import', file],
        ['check', '--client-file', file, '--json'],
      ]) {
        const ran = await runCliIsolated(args, { PARTNER_SETUP_HOME: home });
        assert.equal(ran.code, 2, `${args[0]} ${JSON.stringify(name)}: ${ran.stderr}`);
        assert.equal(ran.stderr.trim().split('\n').length, 1, ran.stderr);
        assert.ok(ran.stderr.includes(problem), ran.stderr);
      }
    }
    assert.deepEqual((await ClientStore.open(home)).list(), []);
  });
});
