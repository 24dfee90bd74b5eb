import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, test, type TestContext } from 'node:test';
import { promisify } from 'node:util';
import type { EventPayload } from '../../shared/contract/index.ts';
import { createI18n } from '../../shared/i18n/index.ts';
import { secretEnvVars, secretNames, type SecretName } from '../../shared/integrations/lists.ts';
import { runChecks, type CheckEvent } from '../../main/checks/engine.ts';
import { checkOwners, checkRegistry } from '../../main/checks/registry.ts';
import { selectChecks } from '../../main/checks/selection.ts';
import { createHttpClient } from '../../main/net/http-client.ts';
import { chromiumPdfPrinter } from '../../main/reports/pdf.ts';
import { redactedMark } from '../../main/redaction/secret-scrubber.ts';
import { LeakLog } from '../support/canary.ts';
import { secretsOf, testClient } from '../support/check-fixtures.ts';
import { cli, type JsonReport } from '../support/cli-check.ts';
import { echoFormNames } from '../support/echo-forms.ts';
import { startEchoingService, type EchoingService } from '../support/echoing-service.ts';
import { envSecretServices, handlerCaller } from '../support/handler-caller.ts';
import { tempDir } from '../support/temp-dir.ts';

// Issue 16: a service that quotes a secret back (Braze's `message`, ODP's `detail`, S3's error code
// and message, the Currents endpoint, an HTML page) in any form must leave no copy of it in check
// results, artifacts, events, the store, clients:get, reports, the JSON bundle or the CLI.

/** Every secret with characters that each encoding writes differently. */
const secrets: Record<SecretName, string> = {
  'braze.apiKey': 'b7e3c2a1-9f4d/4e21+8c55="a0d1f6e2&x9',
  'jacquard.awsAccessKeyId': 'AKIAECHO7F3A9C2E51B8',
  'jacquard.awsSecretAccessKey': 'echo/secret+Zx81Qp0rT7mWv2aB9cD4eF6gH8iJ0kL',
  'jacquard.connectToken': 'jqx_live_7f3a9c2e51b84d06aa1e',
  'odp.apiKey': 'trk7f3.Zx81/Qp0+rT7mWv2=aB9&c<d>',
  'odp.currentsToken': 'canary-currents/Zx81+Qp0_rT7mWv2==',
};
/** The secrets a service can see in a request, and so quote back. */
const sent: SecretName[] = [
  'braze.apiKey',
  'jacquard.awsAccessKeyId',
  'odp.apiKey',
  'odp.currentsToken',
];
const canaries = secretNames.map((name) => ({ label: name, value: secrets[name] }));
const live = ['odp.currentsLive'];
const allChecks = selectChecks(
  { integrations: ['jacquard', 'optimizely'] },
  checkRegistry,
  checkOwners,
);

const inputsFor = (service: EchoingService, bucket = 'echo-in-message') => ({
  'braze.instance': 'custom',
  'braze.restEndpoint': service.url,
  'jacquard.s3Bucket': bucket,
  'jacquard.s3Folder': 'acme-retail',
  'jacquard.s3Endpoint': service.url,
  'jacquard.currentName': 'Jacquard click tracking',
  'jacquard.contactEmail': 'csm@acme.example',
  'odp.region': 'us',
  'odp.apiBase': service.url,
  'odp.currentsUrl': service.currentsUrl,
});

async function echoing(
  t: TestContext,
  options: Parameters<typeof startEchoingService>[0],
): Promise<EchoingService> {
  const service = await startEchoingService(options);
  t.after(() => service.close());
  return service;
}

/** The service really quoted each secret it was sent: the test is not vacuous. */
function assertEchoed(service: EchoingService, names: readonly SecretName[] = sent): void {
  for (const name of names) {
    assert.ok(
      service.echoed.some((e) => e.secret === secrets[name]),
      `${name} was sent and quoted back`,
    );
  }
}

function assertNoLeak(leaks: LeakLog): void {
  assert.ok(leaks.scanned > 0);
  assert.deepEqual(leaks.found, [], `${leaks.found.length} leaks in ${leaks.scanned} texts`);
}

/** Runs every check of a client on the engine, as the app and the CLI do; keeps what it emitted. */
async function engineRun(service: EchoingService, bucket?: string) {
  const events: CheckEvent[] = [];
  const outcome = await runChecks({
    client: testClient({ inputs: inputsFor(service, bucket) }),
    definitions: allChecks,
    secrets: secretsOf(secrets),
    http: createHttpClient({ allowInsecureLoopback: true, timeoutMs: 30_000, retries: 0 }),
    optIns: live,
    onEvent: (event) => events.push(event),
  });
  return { ...outcome, events };
}

const messageOf = (results: { id: string; params: Record<string, unknown> }[], id: string) =>
  JSON.stringify(results.find((r) => r.id === id)?.params ?? {});

describe('the engine takes every echoed secret out of what checks report', () => {
  for (const answer of ['service', 'html'] as const) {
    for (const form of echoFormNames) {
      test(`${answer} answers quoting the secret ${form}`, async (t) => {
        const service = await echoing(t, { form, answer });
        const run = await engineRun(service);
        const inCode = answer === 'service' ? await engineRun(service, 'echo-in-code') : null;
        assertEchoed(service);
        const leaks = new LeakLog(canaries);
        for (const [where, value] of Object.entries({ run, inCode }))
          leaks.scan(JSON.stringify(value), `${where} (results, artifacts, events)`);
        assertNoLeak(leaks);
        // The answers were shown, with the secret's place marked, not dropped.
        const shown = answer === 'html' ? 'excerpt' : 'message';
        assert.ok(messageOf(run.results, 'braze.api_key').length > 2);
        assert.match(
          JSON.stringify(run.results.find((r) => r.id === 'braze.permission.segments.list')),
          new RegExp(redactedMark),
        );
        assert.match(messageOf(run.results, 'odp.currents_endpoint'), new RegExp(shown));
        if (inCode) {
          const credentials = inCode.results.find((r) => r.id === 's3.credentials');
          assert.match(String(credentials?.params.code), /^KeyRefused\./);
        }
      });
    }
  }
});

/** Waits for the end of a run started from the UI. */
function finished(services: Awaited<ReturnType<typeof envSecretServices>>, runId: string) {
  return new Promise<void>((resolve) => {
    const stop = services.events.subscribe((name, payload) => {
      if (
        name === 'checks:finished' &&
        (payload as EventPayload<'checks:finished'>).runId === runId
      ) {
        stop();
        resolve();
      }
    });
  });
}

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

const secretEnv = Object.fromEntries(secretNames.map((n) => [secretEnvVars[n], secrets[n]]));

describe('the app path: store, clients:get, events, reports and the bundle', () => {
  for (const form of [...echoFormNames, 'every'] as const) {
    test(`services quoting the secret ${form}`, async (t) => {
      const service = await echoing(t, { form });
      const env = { ...secretEnv, PARTNER_SETUP_ALLOW_INSECURE_LOOPBACK: '1' };
      const services = await envSecretServices(t, env);
      const call = handlerCaller(services);
      const leaks = new LeakLog(canaries);
      services.events.subscribe((name, payload) =>
        leaks.scan(JSON.stringify(payload), `event ${name}`),
      );
      const { id: clientId } = await call('clients:create', {
        name: 'Acme Retail',
        integrations: ['jacquard', 'optimizely'],
      });
      for (const [inputId, value] of Object.entries(inputsFor(service)))
        await call('inputs:set', { clientId, inputId, value });

      const started = await call('checks:run', { clientId, optIns: live });
      await finished(services, started.runId);
      assertEchoed(service);

      const client = await call('clients:get', { id: clientId });
      assert.equal(client.checkResults['braze.api_key']?.status, 'fail');
      leaks.scan(JSON.stringify(client), 'clients:get');
      leaks.scan(JSON.stringify(await call('clients:overview', {})), 'clients:overview');
      for (const format of ['json', 'html', 'md'] as const) {
        const file = await call('reports:export', { clientId, format });
        leaks.scan(file.content, `reports:export ${format}`);
      }
      for (const file of await filesUnder(services.home))
        leaks.scan(await readFile(file, 'utf8'), `${file} (the store)`);
      assertNoLeak(leaks);
    });
  }
});

test('the PDF report of a client whose services quoted every secret in every form', async (t) => {
  const service = await echoing(t, { form: 'every' });
  const home = await tempDir(t);
  const services = await envSecretServices(t, {
    ...secretEnv,
    PARTNER_SETUP_ALLOW_INSECURE_LOOPBACK: '1',
  });
  const call = handlerCaller(services);
  const { id: clientId } = await call('clients:create', {
    name: 'Acme Retail',
    integrations: ['jacquard', 'optimizely'],
  });
  for (const [inputId, value] of Object.entries(inputsFor(service)))
    await call('inputs:set', { clientId, inputId, value });
  const started = await call('checks:run', { clientId, optIns: live });
  await finished(services, started.runId);
  assertEchoed(service);
  const printPdf = chromiumPdfPrinter(process.env, createI18n('en').t);
  const { exportClient } = await import('../../main/reports/export.ts');
  const file = await exportClient(services.store.get(clientId), {
    format: 'pdf',
    language: 'en',
    staleAfterHours: 24,
    appVersion: 'test',
    printPdf,
  });
  const pdf = join(home, 'report.pdf');
  await writeFile(pdf, file.bytes);
  const { stdout } = await promisify(execFile)('pdftotext', ['-layout', pdf, '-']);
  assert.match(stdout, /Acme Retail/);
  const leaks = new LeakLog(canaries);
  leaks.scan(stdout, 'the PDF text');
  leaks.scan(Buffer.from(file.bytes).toString('latin1'), 'the PDF bytes');
  assertNoLeak(leaks);
});

describe('partner-setup check --only braze, JSON and text', () => {
  for (const form of echoFormNames) {
    test(`Braze quoting the key ${form}`, async (t) => {
      const service = await echoing(t, { form });
      const file = join(await tempDir(t), 'client.json');
      await writeFile(
        file,
        JSON.stringify({
          version: 2,
          name: 'Acme Retail',
          integrations: ['optimizely'],
          braze: { instance: 'custom', restEndpoint: service.url },
        }),
      );
      const env = { ...secretEnv, NO_COLOR: '1' };
      const args = ['check', '--client-file', file, '--only', 'braze', '--allow-insecure-loopback'];
      const [json, text] = await Promise.all([cli([...args, '--json'], env), cli(args, env)]);
      assertEchoed(service, ['braze.apiKey']);
      assert.equal(json.code, 1, json.stderr);
      assert.equal(text.code, 1, text.stderr);
      const report = JSON.parse(json.stdout) as JsonReport;
      const apiKey = report.checks.find((c) => c.id === 'braze.api_key');
      assert.match(
        JSON.stringify(apiKey?.details),
        new RegExp(`Invalid API key: .*${redactedMark}`),
      );
      const leaks = new LeakLog(canaries);
      for (const [where, out] of Object.entries({ json, text })) {
        leaks.scan(out.stdout, `check ${where} stdout`);
        leaks.scan(out.stderr, `check ${where} stderr`);
      }
      assertNoLeak(leaks);
    });
  }
});

test('a Braze list answered with the key in a name: the picker never shows it', async (t) => {
  const { createServer } = await import('node:http');
  const key = secrets['braze.apiKey'];
  const server = createServer((req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(
      JSON.stringify({
        message: 'success',
        campaigns: [{ id: 'c1', name: `Welcome (${req.headers.authorization ?? ''})` }],
        canvases: [{ id: 'v1', name: 'Onboarding' }],
      }),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  t.after(() => {
    server.closeAllConnections();
    server.close();
  });
  const { port } = server.address() as { port: number };
  const services = await envSecretServices(t, {
    BRAZE_API_KEY: key,
    PARTNER_SETUP_ALLOW_INSECURE_LOOPBACK: '1',
  });
  const call = handlerCaller(services);
  const { id: clientId } = await call('clients:create', {
    name: 'Acme Retail',
    integrations: ['optimizely'],
  });
  await call('inputs:set', { clientId, inputId: 'braze.instance', value: 'custom' });
  await call('inputs:set', {
    clientId,
    inputId: 'braze.restEndpoint',
    value: `http://127.0.0.1:${port}`,
  });
  const list = await call('odp:brazeTargets', { clientId, kind: 'campaigns' });
  assert.equal(list.status, 'ok');
  assert.deepEqual(
    list.items.map((i) => i.name),
    [`Welcome (Bearer ${redactedMark})`],
  );
});
