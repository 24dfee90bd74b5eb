import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { it, type TestContext } from 'node:test';
import { fileURLToPath } from 'node:url';
import { computeChecksum } from '../../shared/bundle/checksum.ts';
import { runCli } from '../support/cli-process.ts';
import { tempDir } from '../support/temp-dir.ts';

/**
 * A third partner from one folder: `tests/sample-integration/` holds its guide, texts, secret,
 * check and report section, and its registration hook adds one line to each registry as the
 * registries load. No file of the app changes; every list the core uses must pick it up.
 */
const register = fileURLToPath(new URL('../sample-integration/register.ts', import.meta.url));
const goodKey = 'sample-key-0123456789';

async function samplePartner(t: TestContext): Promise<{ url: string; pings: string[] }> {
  const pings: string[] = [];
  const server = createServer((req, res) => {
    pings.push(`${req.method} ${req.url}`);
    const ok = req.headers.authorization === `Bearer ${goodKey}`;
    res.writeHead(ok ? 200 : 401, { 'content-type': 'application/json' }).end('{}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  t.after(() => server.close());
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, pings };
}

function cli(args: string[], env: NodeJS.ProcessEnv, withSample = true) {
  return runCli(args, {
    ...process.env,
    NO_COLOR: '1',
    ...(withSample ? { NODE_OPTIONS: `--import=${register}` } : {}),
    ...env,
  });
}

it('a third partner registered from its own folder is chosen, checked, reported and round-tripped', async (t) => {
  const partner = await samplePartner(t);
  const dir = await tempDir(t);
  const file = join(dir, 'sample.json');
  const clientFile = {
    version: 2,
    name: 'Sample Co',
    integrations: ['sample'],
    sample: { apiBase: partner.url },
  };
  // A checksum as an export has one, so `import` takes the same file.
  await writeFile(
    file,
    JSON.stringify({ ...clientFile, checksum: await computeChecksum(clientFile) }),
  );
  const check = ['check', '--client-file', file, '--allow-insecure-loopback'];

  // Without its registration the app knows no such partner: the file is refused, nothing is sent.
  const unknown = await cli(check, { SAMPLE_API_KEY: goodKey }, false);
  assert.equal(unknown.code, 2, unknown.stderr);
  assert.match(unknown.stderr, /integrations\[0\]/);
  assert.deepEqual(partner.pings, []);

  // Its id for --only, its secret's environment variable, its client-file section, its check.
  const passed = await cli([...check, '--only', 'sample', '--json'], { SAMPLE_API_KEY: goodKey });
  assert.equal(passed.code, 0, passed.stderr);
  const report = JSON.parse(passed.stdout) as {
    checks: Array<{ id: string; status: string; message: string }>;
  };
  assert.deepEqual(
    report.checks.map((c) => [c.id, c.status, c.message]),
    [['sample.ping', 'pass', 'The partner accepted the key.']],
  );
  assert.deepEqual(partner.pings, ['GET /ping']);

  // Its texts, in the CSM's language: the check's name and message.
  const refused = await cli([...check, '--lang', 'de'], { SAMPLE_API_KEY: 'wrong-key-0123456789' });
  assert.equal(refused.code, 1, refused.stderr);
  assert.match(refused.stdout, /Schlüssel des Beispielpartners \(sample\.ping\)/);
  assert.match(refused.stdout, /Der Partner hat den Schlüssel abgelehnt \(HTTP 401\)/);

  // Imported into the app's store, exported as a report (its guide and its section) and a bundle.
  const home = { PARTNER_SETUP_HOME: await tempDir(t) };
  const imported = await cli(['import', file], home);
  assert.equal(imported.code, 0, imported.stderr);
  const md = join(dir, 'report.md');
  const exported = await cli(
    ['export', '--client', 'Sample Co', '--format', 'md', '--out', md],
    home,
  );
  assert.equal(exported.code, 0, exported.stderr);
  const text = await readFile(md, 'utf8');
  for (const expected of [
    '## Sample partner',
    'Connect the account',
    'Go live',
    '## Sample partner notes',
  ]) {
    assert.ok(text.includes(expected), `the report lacks "${expected}"`);
  }
  const bundle = join(dir, 'bundle.json');
  const saved = await cli(
    ['export', '--client', 'Sample Co', '--format', 'json', '--out', bundle],
    home,
  );
  assert.equal(saved.code, 0, saved.stderr);
  const again = await cli(['import', bundle], { PARTNER_SETUP_HOME: await tempDir(t) });
  assert.equal(again.code, 0, again.stderr);
  assert.match(again.stdout, /Sample Co/);
});
