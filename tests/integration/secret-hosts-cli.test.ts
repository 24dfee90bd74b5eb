import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test, type TestContext } from 'node:test';
import { createServices } from '../../main/services.ts';
import { computeChecksum } from '../../shared/bundle/checksum.ts';
import { createI18n } from '../../shared/i18n/index.ts';
import {
  clientWithSavedSecrets,
  ownHosts,
  pointedAt,
  sentSecrets,
} from '../support/bound-secrets-client.ts';
import { cli, type JsonReport } from '../support/cli-check.ts';
import { handlerCaller } from '../support/handler-caller.ts';
import { startRecordingHost, type RecordingHost } from '../support/recording-host.ts';
import { testKeyring } from '../support/saved-client.ts';
import { tempDir } from '../support/temp-dir.ts';

const en = createI18n('en').t;

/** Every check of the saved client, the Currents URL's live probe included. */
const checkArgs = [
  'check',
  '--client',
  'Acme Retail',
  '--json',
  '--allow-insecure-loopback',
  '--opt-in',
  'odp.currentsLive',
  '--timeout',
  '60000',
];

const cliEnv = (home: string) => ({
  PARTNER_SETUP_HOME: home,
  DBUS_SESSION_BUS_ADDRESS: process.env.DBUS_SESSION_BUS_ADDRESS ?? '',
});

/**
 * The attack: export the client, point every endpoint at `to`, recompute the checksum (a plain
 * SHA-256 is all it takes) and save it as a bundle.
 */
async function editedExport(
  t: TestContext,
  env: Record<string, string>,
  to: RecordingHost,
): Promise<string> {
  const dir = await tempDir(t);
  const exported = join(dir, 'acme.json');
  const out = await cli(['export', '--client', 'Acme Retail', '--out', exported], env);
  assert.equal(out.code, 0, out.stderr);
  const document = pointedAt(
    JSON.parse(await readFile(exported, 'utf8')) as Record<string, unknown>,
    to.url,
  );
  const edited = join(dir, 'acme-edited.json');
  await writeFile(
    edited,
    JSON.stringify({ ...document, checksum: await computeChecksum(document) }),
  );
  return edited;
}

const noSecretIn = (text: string): void => {
  for (const value of Object.values(sentSecrets)) assert.ok(!text.includes(value), 'secret shown');
};

void test(
  'import --replace refuses an edited bundle that moves saved secrets, --trust-new-endpoints accepts it, and only then do they reach the new host',
  { timeout: 240_000 },
  async (t) => {
    const newHost = await startRecordingHost(t);
    const { home, store, client } = await clientWithSavedSecrets(t, testKeyring());
    const env = cliEnv(home);
    const file = await editedExport(t, env, newHost);

    const refused = await cli(['import', file, '--replace'], env);
    assert.equal(refused.code, 2, refused.stdout);
    assert.equal(refused.stdout, '');
    const line = refused.stderr.trimEnd();
    assert.equal(line.split('\n').length, 1, line);
    assert.match(line, /^partner-setup import: nothing imported: .*--trust-new-endpoints\.$/);
    // Each saved secret, with the host it was confirmed for and the one the bundle names.
    assert.ok(line.includes(`braze.apiKey: ${ownHosts.braze} → ${newHost.url}`), line);
    assert.ok(line.includes(`odp.currentsToken: ${ownHosts.currents} → ${newHost.url}`), line);
    assert.ok(line.includes(`jacquard.awsAccessKeyId: https://*.amazonaws.com → ${newHost.url}`));
    assert.ok(line.includes(`odp.apiKey: https://api.zaius.com, `), line);
    assert.ok(line.includes('jacquard.awsSecretAccessKey: '), line);
    await store.refresh();
    assert.deepEqual(store.get(client.id).inputs, client.inputs, 'the refused import changed it');

    const trusted = await cli(['import', file, '--replace', '--trust-new-endpoints'], env);
    assert.equal(trusted.code, 0, trusted.stderr);
    const [replaced, hosts, ...rest] = trusted.stdout.trimEnd().split('\n');
    assert.equal(replaced, en('reports:cli.replaced', { name: 'Acme Retail' }));
    assert.match(hosts ?? '', /^Its saved secrets now go to the hosts you trusted: /);
    assert.ok(hosts?.includes(`braze.apiKey: ${ownHosts.braze} → ${newHost.url}`), hosts);
    assert.deepEqual(rest, []);
    assert.deepEqual(newHost.received, [], 'an import alone sends nothing');

    const ran = await cli(checkArgs, env);
    assert.notEqual(ran.code, 2, ran.stderr);
    const seen = newHost.credentials();
    assert.ok(seen.includes(`Bearer ${sentSecrets['braze.apiKey']}`), 'Braze key not sent');
    assert.ok(seen.includes(sentSecrets['odp.apiKey']), 'ODP key not sent');
    assert.ok(seen.includes(`Bearer ${sentSecrets['odp.currentsToken']}`), 'token not sent');
    assert.ok(seen.includes(`Credential=${sentSecrets['jacquard.awsAccessKeyId']}/`), 'no key id');
    // The AWS secret key only signs: it never travels, to any host.
    assert.ok(!seen.includes(sentSecrets['jacquard.awsSecretAccessKey']));
    noSecretIn(refused.stderr + trusted.stdout + trusted.stderr + ran.stdout + ran.stderr);
  },
);

void test(
  'after the app imports such a bundle, check --client sends no saved secret to the new host and says which host waits',
  { timeout: 240_000 },
  async (t) => {
    const newHost = await startRecordingHost(t);
    const keychain = testKeyring();
    const { home } = await clientWithSavedSecrets(t, keychain);
    const env = cliEnv(home);
    const file = await editedExport(t, env, newHost);
    // The app's import: the changes wait for the CSM to confirm them on the client's page.
    const app = handlerCaller(await createServices({ home, mode: 'browser', keychain, env: {} }));
    const imported = await app('bundles:import', {
      text: await readFile(file, 'utf8'),
      onConflict: 'replace',
    });
    assert.equal(imported.replaced, true);

    const ran = await cli(checkArgs, env);
    assert.notEqual(ran.code, 2, ran.stderr);
    const checks = new Map((JSON.parse(ran.stdout) as JsonReport).checks.map((c) => [c.id, c]));
    const heldBack = (id: string, secret: string, confirmed: string) => {
      const check = checks.get(id);
      assert.equal(check?.status, 'skipped', `${id}: ${check?.message}`);
      assert.equal(
        check?.message,
        en('checks:skip.unconfirmedHost', { secret, host: newHost.url, confirmed }),
      );
    };
    heldBack('braze.api_key', 'braze.apiKey', ownHosts.braze);
    heldBack('braze.permission.users.track', 'braze.apiKey', ownHosts.braze);
    heldBack('odp.braze_key', 'braze.apiKey', ownHosts.braze);
    heldBack('odp.currents_endpoint', 'odp.currentsToken', ownHosts.currents);
    heldBack('s3.credentials', 'jacquard.awsAccessKeyId', 'https://*.amazonaws.com');
    assert.match(checks.get('odp.api_key')?.message ?? '', /“odp\.apiKey” now goes to http:/);
    assert.deepEqual(newHost.received, [], 'a held-back secret reached the new host');
    noSecretIn(ran.stdout + ran.stderr);
  },
);
