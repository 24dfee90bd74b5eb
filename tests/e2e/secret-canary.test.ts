import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test, type TestContext } from 'node:test';
import { promisify } from 'node:util';
import type { Page } from 'playwright-core';
import { createI18n } from '../../shared/i18n/index.ts';
import { secretNames, type SecretName } from '../../shared/integrations/lists.ts';
import { ClientStore } from '../../main/store/client-store.ts';
import { clientSetup } from '../../scripts/demo/client-setup.ts';
import { startSandbox } from '../../scripts/demo/sandbox.ts';
import { scenarios, type DemoClientKey } from '../../scripts/demo/scenarios.ts';
import { openAppInChromium } from '../support/app-in-chromium.ts';
import { LeakLog, type Canary } from '../support/canary.ts';
import { echoFormNames } from '../support/echo-forms.ts';
import { startEchoingService, type EchoingService } from '../support/echoing-service.ts';
import { checkRow, fillInput, openClientStep, setSecret } from '../support/guide-page.ts';
import { runCli } from '../support/cli-process.ts';
import { tempDir } from '../support/temp-dir.ts';
import { pageText, received } from '../support/traffic.ts';

// Issue 8, secret canary: two of the demo's practice clients (one healthy, one with a Braze key
// missing a permission, a wrong S3 secret and a wrong ODP Currents token), every secret a fresh
// random value typed into the UI of a real `partner-setup ui --allow-insecure-loopback` process
// with the OS keychain (the private GNOME Keyring of scripts/with-keyring.sh). Checks run against
// the demo's loopback services, reports are exported from the UI and the CLI, `check` (JSON and the
// terminal report) and `import` run as processes; no canary may appear anywhere the CSM or a file
// could see it.
// Issue 16: a third client's Braze, ODP, Currents endpoint and S3 are a service that quotes every
// secret it receives back in its answers, in each form in turn (raw, JSON-escaped, percent-encoded
// in either hex case, HTML references, base64 of the secret and of `Bearer <secret>`, a 12-character
// run …), and its pasted snippets carry the connect token in a URL path and base64 in a header.

const en = createI18n('en').t;
const WAIT_MS = 45_000;

/** Where each secret is typed: the first guide step that asks for it. */
const secretSteps: { step: string; names: SecretName[] }[] = [
  { step: 'jacquard.prerequisites', names: ['braze.apiKey', 'jacquard.connectToken'] },
  { step: 'jacquard.current', names: ['jacquard.awsAccessKeyId', 'jacquard.awsSecretAccessKey'] },
  { step: 'optimizely.prerequisites', names: ['odp.apiKey', 'odp.currentsToken'] },
];
const stepsWithChecks = [
  'jacquard.prerequisites',
  'jacquard.current',
  'jacquard.pii',
  'jacquard.connectedContent',
  'optimizely.prerequisites',
  'optimizely.currents',
  'optimizely.segments',
  'optimizely.mappings',
  'optimizely.activation',
];
/** Failures the Globex client must show, so that error messages were really produced. */
const globexFailures: Record<string, string> = {
  'braze.permission.canvas.trigger.send': 'optimizely.prerequisites',
  's3.credentials': 'jacquard.current',
  'odp.currents_endpoint': 'optimizely.currents',
};

const wrong = (prefix: string): string => `${prefix}${randomBytes(24).toString('base64url')}`;

interface Subject {
  key: DemoClientKey | 'echo';
  name: string;
  id: string;
  /** The Jacquard snippets the CSM pastes: they carry the connect token. */
  snippets: string;
  secrets: Record<SecretName, string>;
}

/** The snippets into their field, saved when the CSM leaves it. */
async function pasteSnippets(page: Page, origin: string, subject: Subject): Promise<void> {
  const view = await openClientStep(page, origin, subject.id, 'jacquard.connectedContent');
  await fillInput(view, 'jacquard.snippets', subject.snippets);
}

/** Every check of the client, with the live ODP Currents probe allowed, until the run ended. */
async function runAllChecks(page: Page, origin: string, subject: Subject): Promise<void> {
  const view = await openClientStep(page, origin, subject.id, 'optimizely.currents');
  await view.getByLabel(en('checks:optIn.odp.currentsLive')).check();
  await view.getByRole('button', { name: en('checks:ui.runClient') }).click();
  await view.getByRole('button', { name: en('checks:ui.cancel') }).waitFor();
  await view
    .getByRole('button', { name: en('checks:ui.cancel') })
    .waitFor({ state: 'detached', timeout: WAIT_MS });
  await view.locator('.check-row .badge-notRun').first().waitFor({ state: 'detached' });
}

/** What the Secret Service holds for this entry, read with the desktop's own tool. */
async function keychainValue(clientId: string, name: SecretName): Promise<string> {
  const { stdout } = await promisify(execFile)('secret-tool', [
    'lookup',
    'service',
    'partner-setup-assistant',
    'username',
    `${clientId}/${name}`,
  ]);
  return stdout;
}

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

/** Text of a file to scan: a PDF's text layer (its streams are compressed), else the bytes. */
async function scannableText(path: string): Promise<string> {
  const raw = await readFile(path);
  if (!raw.subarray(0, 5).equals(Buffer.from('%PDF-'))) return raw.toString('utf8');
  const { stdout } = await promisify(execFile)('pdftotext', ['-layout', path, '-']);
  assert.ok(stdout.trim().length > 0, `${path}: the PDF has a text layer`);
  return `${stdout}\n${raw.toString('latin1')}`;
}

/** A secret with the signs each encoding writes differently, random in every run. */
const tricky = (prefix: string): string =>
  `${prefix}/${randomBytes(9).toString('base64')}+${randomBytes(9).toString('base64url')}=`;

/** The echo client: every endpoint on the echoing service, every secret fresh and encodable. */
async function echoSubject(store: ClientStore, echo: EchoingService): Promise<Subject> {
  const name = 'Echo Corp (services quote secrets back)';
  const { id } = await store.create({ name, integrations: ['jacquard', 'optimizely'] });
  await store.update(id, (draft) => {
    Object.assign(draft.inputs, {
      'braze.instance': 'custom',
      'braze.restEndpoint': echo.url,
      'jacquard.currentName': 'Jacquard Email Click export',
      'jacquard.contactEmail': 'crm@echo.example',
      'jacquard.s3Bucket': 'echo-in-message',
      'jacquard.s3Folder': 'echo-corp',
      'jacquard.s3Endpoint': echo.url,
      'odp.region': 'us',
      'odp.apiBase': echo.url,
      'odp.currentsUrl': echo.currentsUrl,
    });
  });
  const connectToken = `jqx_echo_${randomBytes(16).toString('hex')}`;
  const secrets: Record<SecretName, string> = {
    'braze.apiKey': `${randomBytes(6).toString('hex')}-"${tricky('braze')}&`,
    'jacquard.awsAccessKeyId': `AKIA${randomBytes(8).toString('hex').toUpperCase()}`,
    'jacquard.awsSecretAccessKey': tricky('aws'),
    'jacquard.connectToken': connectToken,
    'odp.apiKey': `${randomBytes(3).toString('hex')}.${tricky('odp')}<x>`,
    'odp.currentsToken': tricky('currents'),
  };
  const host = 'https://x.jacquard.example/v2/braze';
  const snippets = [
    `{% connected_content ${host}/${connectToken}/subject?u={{\${user_id}}} :save jacquard %}`,
    `{% connected_content ${host}/body :headers {"Authorization": "${Buffer.from(`Bearer ${connectToken}`).toString('base64')}"} :save body %}`,
    '{{ jacquard.subject_line }} {{ body.text }}',
    `<img src="${host}/open.gif?u={{\${user_id}}}" width="1" height="1" alt="" />`,
  ].join('\n');
  return { key: 'echo', name, id, snippets, secrets };
}

async function seedClients(t: TestContext, home: string) {
  const sandbox = await startSandbox(scenarios);
  t.after(() => sandbox.close());
  const echo = await startEchoingService({ form: 'every' });
  t.after(() => echo.close());
  const store = await ClientStore.open(home);
  await store.updateSettings({ csmName: 'Canary Tester' });
  const subjects: Subject[] = [];
  for (const key of ['acme', 'globex'] as const) {
    const scenario = scenarios.find((s) => s.key === key);
    assert.ok(scenario);
    const setup = clientSetup(scenario, sandbox);
    const { id } = await store.create({
      name: scenario.name,
      integrations: [...scenario.integrations],
    });
    // Inputs and plans as the demo has them, but the Jacquard snippets: those carry the client's
    // connect token, as Jacquard sends them, and the CSM pastes them below, after the secrets.
    const { 'jacquard.snippets': snippets = '', ...inputs } = setup.inputs;
    assert.ok(
      snippets.includes(setup.secrets['jacquard.connectToken'] ?? '-'),
      'token in snippets',
    );
    await store.update(id, (draft) => {
      Object.assign(draft.inputs, inputs);
      Object.assign(draft.artifacts, setup.artifacts);
    });
    const secrets = { ...setup.secrets } as Record<SecretName, string>;
    if (key === 'globex') {
      secrets['jacquard.awsSecretAccessKey'] = wrong('canary/aws+');
      secrets['odp.currentsToken'] = wrong('canary-currents-');
    }
    assert.deepEqual(Object.keys(secrets).sort(), [...secretNames].sort(), 'all six secrets');
    subjects.push({ key, name: scenario.name, id, snippets, secrets });
  }
  subjects.push(await echoSubject(store, echo));
  return { subjects, echo };
}

test(
  'canary secrets typed in the UI reach the keychain and nothing else',
  // 83 s on the 2-core machine under a load of 20; each wait inside has its own bound (WAIT_MS).
  { timeout: 900_000 },
  async (t) => {
    const home = await tempDir(t, 'partner-setup-canary-');
    const outDir = await tempDir(t, 'partner-setup-canary-out-');
    const { subjects, echo } = await seedClients(t, home);
    const canaries: Canary[] = subjects.flatMap((s) =>
      secretNames.map((name) => ({ label: `${s.key} ${name}`, value: s.secrets[name] })),
    );
    assert.equal(new Set(canaries.map((c) => c.value)).size, canaries.length, 'all distinct');
    const leaks = new LeakLog(canaries);

    const toasts: string[] = [];
    const { server, page, traffic, pageErrors } = await openAppInChromium(t, {
      home,
      args: ['--allow-insecure-loopback'],
      beforeLoad: async (page) => {
        await page.exposeBinding('__canaryToast', (_source, text: string) => toasts.push(text));
        await page.addInitScript(() => {
          const g = globalThis as unknown as {
            __canaryToast(text: string): void;
            MutationObserver: new (cb: () => void) => { observe(n: unknown, o: object): void };
            document: {
              querySelectorAll(s: string): ArrayLike<{ textContent: string | null }>;
            };
          };
          const seen = new Set<unknown>();
          new g.MutationObserver(() => {
            for (const toast of Array.from(g.document.querySelectorAll('.toast'))) {
              if (seen.has(toast)) continue;
              seen.add(toast);
              g.__canaryToast(toast.textContent ?? '');
            }
          }).observe(g.document, { childList: true, subtree: true });
        });
      },
    });
    // Its output from here on: the first chunk (the link) was printed before any secret existed.
    let serverOutput = '';
    server.process.stdout?.on('data', (c: Buffer) => (serverOutput += c.toString()));
    server.process.stderr?.on('data', (c: Buffer) => (serverOutput += c.toString()));
    const snapshot = async (where: string, typed?: string) =>
      leaks.scan(await pageText(page, typed), `the DOM (${where})`);

    await page.locator(`tr[data-client-name="${subjects[0]?.name ?? ''}"]`).waitFor();
    const { origin } = server;

    for (const subject of subjects) {
      for (const { step, names } of secretSteps) {
        const view = await openClientStep(page, origin, subject.id, step);
        for (const name of names) {
          await setSecret(view, name, subject.secrets[name]);
          await snapshot(`${subject.key}, ${name} saved`);
        }
      }
      await pasteSnippets(page, origin, subject);
      await snapshot(`${subject.key}, snippets saved`, '[data-input-id="jacquard.snippets"]');
      // Drawn again from what was stored: the snippets are there, their token is not.
      await openClientStep(page, origin, subject.id, 'optimizely.prerequisites');
      const view = await openClientStep(page, origin, subject.id, 'jacquard.connectedContent');
      const stored = await view.locator('[data-input-id="jacquard.snippets"]').inputValue();
      assert.match(stored, /connected_content/, 'the stored snippets are shown');
      await snapshot(`${subject.key}, snippets shown again`);
      await runAllChecks(page, origin, subject);
      await snapshot(`${subject.key}, checks done`);
      for (const step of stepsWithChecks) {
        const view = await openClientStep(page, origin, subject.id, step);
        await view.locator('.check-row').first().waitFor();
        await snapshot(`${subject.key}, step ${step}`);
      }
      if (subject.key === 'globex') {
        // The failures were shown, so their error messages were part of the DOM scanned above.
        for (const [id, step] of Object.entries(globexFailures)) {
          const view = await openClientStep(page, origin, subject.id, step);
          const row = checkRow(view, id);
          await row.locator('.badge-fail').waitFor();
          assert.ok((await row.locator('.check-message').innerText()).length > 0, id);
        }
      }
      // Every export format from the UI, saved as the browser downloads it.
      await page.goto(`${origin}/#/client/${encodeURIComponent(subject.id)}`);
      for (const format of ['json', 'html', 'md', 'pdf']) {
        const button = page.locator(`[data-export="${format}"]`);
        await button.waitFor();
        const [download] = await Promise.all([
          page.waitForEvent('download', { timeout: WAIT_MS }),
          button.click(),
        ]);
        await download.saveAs(join(outDir, `ui-${subject.key}-${download.suggestedFilename()}`));
        await button.and(page.locator(':enabled')).waitFor();
      }
      await snapshot(`${subject.key}, exported`);
    }

    assert.deepEqual(pageErrors, []);
    assert.ok(toasts.length >= 8, `the export toasts were seen (${toasts.length})`);
    toasts.forEach((text, i) => leaks.scan(text, `toast ${i + 1}`));
    const { responses, events, texts } = await received(traffic);
    assert.ok(responses > 30, `responses were recorded (${responses})`);
    assert.ok(events > 0, 'server-sent events were recorded');
    for (const { where, text } of texts) leaks.scan(text, where);

    await server.stop();
    leaks.scan(serverOutput, 'the server process output');

    // The CLI: checks of each saved client with its keychain secrets, then every export format.
    const env = { ...process.env, PARTNER_SETUP_HOME: home };
    for (const subject of subjects) {
      const check = await runCli(
        [
          'check',
          '--client',
          subject.name,
          '--json',
          '--allow-insecure-loopback',
          '--opt-in',
          'odp.currentsLive',
        ],
        env,
      );
      assert.equal(check.code, subject.key === 'acme' ? 0 : 1, check.stderr);
      const report = JSON.parse(check.stdout) as { checks: { id: string; status: string }[] };
      const failed = report.checks.filter((c) => c.status === 'fail').map((c) => c.id);
      if (subject.key === 'globex') {
        for (const id of Object.keys(globexFailures)) assert.ok(failed.includes(id), id);
      }
      leaks.scan(check.stdout, `check --json stdout (${subject.key})`);
      leaks.scan(check.stderr, `check --json stderr (${subject.key})`);
      // The report a CSM reads in a terminal: every check's translated message, failures included.
      const human = await runCli(
        [
          'check',
          '--client',
          subject.name,
          '--allow-insecure-loopback',
          '--opt-in',
          'odp.currentsLive',
        ],
        env,
      );
      assert.equal(human.code, check.code, human.stderr);
      for (const id of failed) assert.ok(human.stdout.includes(`(${id})`), `${id} in the report`);
      leaks.scan(human.stdout, `check stdout (${subject.key})`);
      leaks.scan(human.stderr, `check stderr (${subject.key})`);
      for (const format of ['json', 'html', 'md']) {
        const out = join(outDir, `cli-${subject.key}.${format}`);
        const run = await runCli(
          ['export', '--client', subject.name, '--format', format, '--out', out],
          env,
        );
        assert.equal(run.code, 0, run.stderr);
        leaks.scan(run.stdout + run.stderr, `export --format ${format} output (${subject.key})`);
      }
    }

    const exported = await filesUnder(outDir);
    assert.equal(exported.length, subjects.length * 7, exported.join('\n'));

    // Bundles imported back, as a new client, and one whose checksum no longer matches (refused).
    const tamperedDir = await tempDir(t, 'partner-setup-canary-import-');
    for (const subject of subjects) {
      const bundle = join(outDir, `cli-${subject.key}.json`);
      const imported = await runCli(['import', bundle, '--as-new'], env);
      assert.equal(imported.code, 0, imported.stderr);
      leaks.scan(imported.stdout + imported.stderr, `import output (${subject.key})`);
      const tampered = join(tamperedDir, `${subject.key}.json`);
      const text = await readFile(bundle, 'utf8');
      await writeFile(tampered, text.replace(subject.name, `${subject.name} (edited)`));
      const refused = await runCli(['import', tampered, '--as-new'], env);
      assert.equal(refused.code, 2, refused.stdout);
      assert.ok(refused.stderr.length > 0, 'the refusal is explained');
      leaks.scan(refused.stdout + refused.stderr, `refused import output (${subject.key})`);
    }
    for (const file of exported) leaks.scan(await scannableText(file), `exported ${file}`);
    const stored = await filesUnder(home);
    assert.ok(stored.length > 0);
    for (const file of stored)
      leaks.scan(await scannableText(file), `${file} under PARTNER_SETUP_HOME`);

    // Proof the echoing service really quoted each secret it was sent back, in every form.
    const echoSecrets = subjects.find((s) => s.key === 'echo')?.secrets;
    assert.ok(echoSecrets);
    for (const name of [
      'braze.apiKey',
      'jacquard.awsAccessKeyId',
      'odp.apiKey',
      'odp.currentsToken',
    ] as const) {
      const forms = new Set(
        echo.echoed.filter((e) => e.secret === echoSecrets[name]).map((e) => e.form),
      );
      assert.ok(forms.size > 0, `${name} was quoted back`);
    }
    assert.deepEqual(
      new Set(echo.echoed.map((e) => e.form)),
      new Set(echoFormNames),
      'every form was quoted',
    );

    // Proof the canaries really went somewhere: the OS keychain holds each one.
    for (const subject of subjects) {
      for (const name of secretNames) {
        assert.equal(
          await keychainValue(subject.id, name),
          subject.secrets[name],
          `${subject.key} ${name}`,
        );
      }
    }

    assert.deepEqual(leaks.found, [], `${leaks.found.length} leaks in ${leaks.scanned} texts`);
  },
);
