import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { join } from 'node:path';
import { describe, it, type TestContext } from 'node:test';
import { fileURLToPath } from 'node:url';
import { computeChecksum } from '../../shared/bundle/checksum.ts';
import { bundleFromClient, serializeBundle } from '../../shared/bundle/convert.ts';
import { bundleVersion } from '../../shared/bundle/schema.ts';
import { guides } from '../../shared/guides/index.ts';
import { createI18n } from '../../shared/i18n/index.ts';
import { languages } from '../../shared/types/ids.ts';
import type { Client } from '../../shared/types/client.ts';
import { dispatch } from '../../main/handlers/dispatch.ts';
import { createHandlerTable } from '../../main/handlers/table.ts';
import { exportClient } from '../../main/reports/export.ts';
import { dateFormatter } from '../../main/reports/model.ts';
import { chromiumPdfPrinter } from '../../main/reports/pdf.ts';
import { createServices } from '../../main/services.ts';
import { ClientStore } from '../../main/store/client-store.ts';
import { storeFileName } from '../../main/store/paths.ts';
import { handlerCaller } from '../support/handler-caller.ts';
import { memoryKeychain } from '../support/memory-keychain.ts';
import { reviewClient, secretTail, withoutSecretDates } from '../support/review-client.ts';
import { tempDir } from '../support/temp-dir.ts';

const bin = fileURLToPath(new URL('../../bin/partner-setup.js', import.meta.url));

function cli(args: string[], home: string, cwd?: string) {
  return new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    execFile(
      process.execPath,
      [bin, ...args],
      { env: { ...process.env, PARTNER_SETUP_HOME: home, NO_COLOR: '1' }, cwd, encoding: 'utf8' },
      (error, stdout, stderr) =>
        resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

/** A saved client with everything a review carries, secret metadata included. */
async function seed(home: string, source: Client = reviewClient()): Promise<Client> {
  const store = await ClientStore.open(home);
  const created = await store.create({ name: source.name, integrations: source.integrations });
  return store.update(created.id, (c) => {
    Object.assign(c, { ...source, id: created.id, createdAt: created.createdAt });
  });
}

async function exportedDocument(): Promise<Record<string, unknown>> {
  return JSON.parse(serializeBundle(await bundleFromClient(reviewClient()))) as Record<
    string,
    unknown
  >;
}
const signed = async (document: Record<string, unknown>) =>
  JSON.stringify({ ...document, checksum: await computeChecksum(document) });

/** Secrets a hand-edited bundle might carry under `inputs`; no store file may ever hold them. */
const brazeKeyValue = '7c1e4b2a-93f0-4d6e-8a51-0f2b9c3d4e5f';
const odpKeyValue = 'odp-private-key-eu.5f1c9a7e3b2d';

async function withInput(inputId: string, value: string): Promise<string> {
  const d = await exportedDocument();
  (d.inputs as Record<string, string>)[inputId] = value;
  return signed(d);
}

/** Broken bundles a CSM could be handed; each must be refused with its own clear message. */
const corpus: Array<{ name: string; text: () => Promise<string>; mentions: RegExp }> = [
  {
    name: 'truncated',
    text: async () => (await signed(await exportedDocument())).slice(0, 300),
    mentions: /\(\w+ 1, \w+ 301\)/,
  },
  { name: 'empty file', text: () => Promise.resolve(''), mentions: /\(\w+ 1, \w+ 1\)/ },
  {
    name: 'wrong type',
    text: async () => signed({ ...(await exportedDocument()), integrations: 'jacquard' }),
    mentions: /integrations/,
  },
  {
    name: 'huge string',
    text: async () => {
      const d = await exportedDocument();
      (d.inputs as Record<string, string>)['jacquard.snippets'] = 'x'.repeat(150_000);
      return signed(d);
    },
    mentions: /inputs\["jacquard\.snippets"\]/,
  },
  {
    name: 'wrong checksum',
    text: async () => JSON.stringify({ ...(await exportedDocument()), name: 'Tampered' }),
    mentions: /checksum/,
  },
  {
    name: 'future version',
    text: async () => signed({ ...(await exportedDocument()), version: bundleVersion + 5 }),
    mentions: new RegExp(`format ${bundleVersion + 5}\\b`),
  },
  {
    name: '__proto__ key',
    text: async () =>
      (await signed(await exportedDocument())).replace('{', '{"__proto__":{"isAdmin":true},'),
    mentions: /__proto__/,
  },
  {
    name: 'constructor key',
    text: async () =>
      (await signed(await exportedDocument())).replace(
        '"inputs":{',
        '"inputs":{"constructor":{"prototype":{}},',
      ),
    mentions: /inputs\.constructor/,
  },
  {
    name: 'a secret inside',
    text: async () => signed({ ...(await exportedDocument()), secrets: { 'braze.apiKey': 'x' } }),
    mentions: /secrets/,
  },
  {
    name: 'the Braze key as an input',
    text: () => withInput('braze.apiKey', brazeKeyValue),
    mentions: /inputs\["braze\.apiKey"\]/,
  },
  {
    name: 'the ODP key as an input',
    text: () => withInput('odp.apiKey', odpKeyValue),
    mentions: /inputs\["odp\.apiKey"\]/,
  },
  {
    name: 'a malformed ODP plan',
    text: async () => {
      const d = await exportedDocument();
      (d.artifacts as Record<string, unknown>)['odp.plan'] = { segments: 'all', mappings: [] };
      return signed(d);
    },
    mentions: /artifacts\["odp\.plan"\]\.segments/,
  },
];

describe('import through the handler table', () => {
  it('refuses every broken bundle with one translated message, and the store does not change', async (t: TestContext) => {
    const home = await tempDir(t);
    const existing = await seed(home);
    const services = await createServices({ home, mode: 'browser', keychain: memoryKeychain() });
    await services.store.updateSettings({ language: 'fr' });
    const table = createHandlerTable(services);
    const before = await readFile(join(home, storeFileName), 'utf8');
    const messages = new Set<string>();
    for (const item of corpus) {
      for (const channel of ['bundles:inspect', 'bundles:import'] as const) {
        const result = await dispatch(
          table,
          channel,
          { text: await item.text(), onConflict: 'new' },
          services.t,
        );
        assert.equal(result.ok, false, `${item.name} was accepted by ${channel}`);
        if (result.ok) continue;
        assert.equal(result.error.code, 'IMPORT_INVALID', `${item.name}: ${result.error.message}`);
        assert.match(result.error.message, item.mentions, item.name);
        assert.match(result.error.message, /Rien n’a été importé/, `${item.name} is in French`);
        assert.equal(result.error.message.split('\n').length, 1);
        messages.add(result.error.message);
      }
    }
    assert.equal(messages.size, corpus.length, 'each problem has its own message');
    const after = await readFile(join(home, storeFileName), 'utf8');
    assert.equal(after, before, 'the store changed');
    for (const secret of [brazeKeyValue, odpKeyValue]) assert.ok(!after.includes(secret));
    assert.deepEqual(
      services.store.list().map((c) => c.id),
      [existing.id],
    );
    assert.equal(({} as Record<string, unknown>).isAdmin, undefined);
  });

  it('a valid bundle: inspect changes nothing, import asks over the same client, then replaces or adds', async (t: TestContext) => {
    const home = await tempDir(t);
    const existing = await seed(home);
    const services = await createServices({ home, mode: 'browser', keychain: memoryKeychain() });
    const table = createHandlerTable(services);
    const text = serializeBundle(
      await bundleFromClient({
        ...existing,
        inputs: { ...existing.inputs, 'jacquard.s3Folder': 'changed' },
      }),
    );

    const inspected = await dispatch(table, 'bundles:inspect', { text }, services.t);
    assert.ok(inspected.ok);
    const review = inspected.value as { conflict: { match: string } | null; client: Client };
    assert.equal(review.conflict?.match, 'id');
    assert.equal(review.client.inputs['jacquard.s3Folder'], 'changed');
    assert.deepEqual(review.client.secrets, {});

    const asked = await dispatch(table, 'bundles:import', { text, onConflict: 'ask' }, services.t);
    assert.equal(asked.ok, false);
    assert.equal(!asked.ok && asked.error.code, 'CONFLICT');
    assert.equal(services.store.get(existing.id).inputs['jacquard.s3Folder'], 'acme-retail');

    const replaced = await dispatch(
      table,
      'bundles:import',
      { text, onConflict: 'replace' },
      services.t,
    );
    assert.ok(replaced.ok);
    const after = services.store.get(existing.id);
    assert.equal(after.inputs['jacquard.s3Folder'], 'changed');
    assert.deepEqual(
      after.secrets,
      existing.secrets,
      'the keychain metadata of the replaced client stays',
    );
    assert.deepEqual(after.confirmations, existing.confirmations);

    const added = await dispatch(table, 'bundles:import', { text, onConflict: 'new' }, services.t);
    assert.ok(added.ok);
    assert.equal(services.store.list().length, 2);
  });
});

describe('import keeps no secret and no ambiguous name', () => {
  const token = 'jqx_live_7f3a9c2e51b84d06aa1e';
  const pasted = [
    `{% connected_content https://x.jacquard.example/subject?token=${token}&u={{\${user_id}}} :save jq %}`,
    '{{ jq.subject }}',
  ].join('\n');

  it('takes the connect token out of pasted snippets, as saving them in the app does', async (t: TestContext) => {
    const home = await tempDir(t);
    const services = await createServices({ home, mode: 'browser', keychain: memoryKeychain() });
    const table = createHandlerTable(services);
    const call = async (channel: 'bundles:inspect' | 'bundles:import', request: object) => {
      const result = await dispatch(table, channel, request, services.t);
      assert.ok(result.ok, JSON.stringify(result));
      return result.value as { client: Client };
    };
    const source = reviewClient();
    source.inputs['jacquard.snippets'] = pasted;
    const text = serializeBundle(await bundleFromClient(source));
    assert.ok(text.includes(token), 'the bundle under test carries the token');

    const review = await call('bundles:inspect', { text });
    assert.ok(!review.client.inputs['jacquard.snippets']?.includes(token), 'shown for review');
    const imported = await call('bundles:import', { text, onConflict: 'ask' });
    const stored = imported.client.inputs['jacquard.snippets'] ?? '';
    assert.ok(stored.includes('{{ jq.subject }}'), 'the rest of the snippets is kept');
    assert.ok(!stored.includes(token));
    await call('bundles:import', { text, onConflict: 'replace' });
    assert.ok(
      !(await readFile(join(home, storeFileName), 'utf8')).includes(token),
      'in store.json',
    );

    const exported = await dispatch(
      table,
      'reports:export',
      { clientId: imported.client.id, format: 'json' },
      services.t,
    );
    assert.ok(exported.ok);
    assert.ok(!JSON.stringify(exported.value).includes(token), 'exported again');
  });

  it('imported "as new" beside a client of the same name, it gets a name of its own', async (t: TestContext) => {
    const home = await tempDir(t);
    const existing = await seed(home);
    const services = await createServices({ home, mode: 'browser', keychain: memoryKeychain() });
    await services.store.updateSettings({ language: 'de' });
    const table = createHandlerTable(services);
    const { t: de } = createI18n('de');
    // Exported from this very client: the bundle matches it by id, and by name.
    const text = serializeBundle(await bundleFromClient(existing));
    const names: string[] = [];
    for (let i = 0; i < 2; i++) {
      const added = await dispatch(
        table,
        'bundles:import',
        { text, onConflict: 'new' },
        services.t,
      );
      assert.ok(added.ok, JSON.stringify(added));
      names.push((added.value as { client: Client }).client.name);
    }
    assert.deepEqual(names, [
      de('reports:bundle.importedName', { name: existing.name }),
      de('reports:bundle.importedNameNumbered', { name: existing.name, number: 2 }),
    ]);
    assert.ok(names.every((name) => name !== existing.name && name.startsWith(existing.name)));
    // `export --client NAME` finds each of the three, not one of two at random.
    const ids = [existing.name, ...names].map((name) => services.store.findByName(name)?.id);
    assert.equal(new Set(ids).size, 3);
    assert.equal(ids[0], existing.id);
  });
});

describe('what the app accepts, its own export brings back', () => {
  it('input and confirmation ids named like Object.prototype members round-trip through export and import', async (t: TestContext) => {
    const services = await createServices({
      home: await tempDir(t),
      mode: 'browser',
      keychain: memoryKeychain(),
    });
    const call = handlerCaller(services);
    const client = await call('clients:create', { name: 'Acme', integrations: ['jacquard'] });
    // Every id the contract lets through that names a member of an object's prototype chain.
    const ids = ['constructor', 'prototype', 'constructor.prototype'];
    for (const [index, id] of ids.entries()) {
      await call('inputs:set', { clientId: client.id, inputId: id, value: `value ${index}` });
      await call('confirmations:set', { clientId: client.id, confirmationId: id, done: true });
    }
    const exported = await call('reports:export', { clientId: client.id, format: 'json' });
    const imported = await call('bundles:import', { text: exported.content, onConflict: 'new' });
    for (const [index, id] of ids.entries()) {
      assert.equal(
        Object.hasOwn(imported.client.inputs, id) && imported.client.inputs[id],
        `value ${index}`,
      );
      assert.ok(Object.hasOwn(imported.client.confirmations, id), id);
    }
    assert.equal(({} as Record<string, unknown>)['value 0'], undefined);
    assert.equal(typeof ({} as { constructor: unknown }).constructor, 'function');
  });

  it('a bundle or client file that starts with a UTF-8 byte-order mark is read as the JSON it is', async (t: TestContext) => {
    const home = await tempDir(t);
    const file = join(await tempDir(t), 'with-bom.json');
    const text = serializeBundle(await bundleFromClient(reviewClient()));
    await writeFile(file, `\uFEFF${text}`);
    assert.deepEqual([...(await readFile(file)).subarray(0, 3)], [0xef, 0xbb, 0xbf]);

    const imported = await cli(['import', file], home);
    assert.equal(imported.code, 0, imported.stderr);
    assert.deepEqual(
      (await ClientStore.open(home)).list().map((c) => c.name),
      [reviewClient().name],
    );
    // Read as the client file it is (not a usage error, exit 2); with no secret in the
    // environment nothing is verified, which the exit status says (3).
    const checked = await cli(['check', '--client-file', file, '--only', 'braze', '--json'], home);
    assert.equal(checked.code, 3, checked.stderr);
    assert.equal((JSON.parse(checked.stdout) as { verdict: string }).verdict, 'not-verified');

    const services = await createServices({ home, mode: 'browser', keychain: memoryKeychain() });
    const review = await handlerCaller(services)('bundles:inspect', { text: `\uFEFF${text}` });
    assert.equal(review.client.name, reviewClient().name);
  });
});

const run = promisify(execFile);
/**
 * Collapses line breaks and runs of spaces: the PDF wraps text wherever its columns end, also
 * right after the hyphen of a compound word ("Jacquard-⏎Verbindungstoken").
 */
const flat = (text: string) => text.replace(/-\n/g, '-').replace(/\s+/g, ' ');

describe('PDF report', () => {
  it('states the client, every step, who confirmed what and when, each check with its status, message and time, in all five languages', async () => {
    const client = reviewClient();
    const printPdf = chromiumPdfPrinter(process.env, createI18n('en').t);
    const pages = join('test-results', 'report-pages');
    await mkdir(pages, { recursive: true });
    for (const language of languages) {
      const { t } = createI18n(language);
      const pdf = join(pages, `report-${language}.pdf`);
      const file = await exportClient(client, {
        format: 'pdf',
        language,
        staleAfterHours: 24,
        appVersion: 'test',
        printPdf,
      });
      await writeFile(pdf, file.bytes);
      // -raw keeps the order Chromium wrote the text in, which is the page's reading order.
      const text = flat((await run('pdftotext', ['-raw', pdf, '-'])).stdout);
      assert.ok(text.includes(client.name), `${language}: the client's name`);
      for (const guide of client.integrations.map((id) => guides[id])) {
        for (const step of guide.steps) {
          const title = t(`${guide.namespace}:${step.titleKey}`).replaceAll('**', '');
          assert.ok(text.includes(flat(title)), `${language}: step "${title}"`);
        }
      }
      const status = (state: string) => t(`reports:report.status.${state}`);
      const checkName = (id: string) => t(`checks:name.${id}`);
      for (const [id, state] of [
        ['braze.api_key', 'pass'],
        ['s3.bucket', 'fail'],
        ['odp.api_key', 'pass'],
        ['jacquard.token', 'notRun'],
      ] as const) {
        const row = flat(`${checkName(id)} ${status(state)}`);
        assert.ok(text.includes(row), `${language}: "${row}"`);
      }
      const date = dateFormatter(language);
      for (const result of Object.values(client.checkResults)) {
        const said = flat(`${t(result.messageKey, result.params)} ${date(result.at)}`);
        assert.ok(text.includes(said), `${language}: "${said}"`);
      }
      for (const tick of Object.values(client.confirmations)) {
        const signed = flat(
          t('reports:report.confirmedBy', { name: tick.by, date: date(tick.at) }),
        );
        assert.ok(text.includes(signed), `${language}: "${signed}"`);
      }

      // The pages as PNG, kept for a person to look at.
      await run('pdftoppm', ['-png', '-r', '50', pdf, join(pages, `report-${language}`)]);
      const pngs = (await readdir(pages)).filter(
        (f) => f.startsWith(`report-${language}-`) && f.endsWith('.png'),
      );
      assert.ok(pngs.length >= 2, `${language}: expected several pages, got ${pngs.length}`);
    }
  });
});

describe('CLI export and import, as processes', () => {
  it('exports every format without secrets, imports the bundle into a fresh home, and --client-file reads it', async (t: TestContext) => {
    const home = await tempDir(t);
    const out = await tempDir(t);
    const client = await seed(home);
    const files: Record<string, string> = {};
    for (const format of ['json', 'html', 'md', 'pdf']) {
      files[format] = join(out, `report.${format}`);
      const ran = await cli(
        [
          'export',
          '--client',
          client.name.toUpperCase(),
          '--format',
          format,
          '--out',
          files[format],
          '--lang',
          'de',
        ],
        home,
      );
      assert.equal(ran.code, 0, ran.stderr);
    }
    for (const format of ['json', 'html', 'md']) {
      const text = await readFile(files[format]!, 'utf8');
      assert.ok(!text.includes(secretTail), `${format} holds the secret tail`);
    }
    assert.match(await readFile(files.html!, 'utf8'), /<html lang="de">/);
    const pdf = await readFile(files.pdf!);
    assert.equal(pdf.subarray(0, 5).toString(), '%PDF-');

    const fresh = await tempDir(t);
    const imported = await cli(['import', files.json!], fresh);
    assert.equal(imported.code, 0, imported.stderr);
    const store = await ClientStore.open(fresh);
    const [copy] = store.list();
    assert.ok(copy);
    const full = store.get(copy.id);
    assert.deepEqual(
      {
        name: full.name,
        inputs: full.inputs,
        confirmations: full.confirmations,
        checkResults: full.checkResults,
        artifacts: full.artifacts,
      },
      {
        name: client.name,
        inputs: client.inputs,
        confirmations: client.confirmations,
        checkResults: withoutSecretDates(client.checkResults),
        artifacts: client.artifacts,
      },
    );
    assert.deepEqual(full.secrets, {});

    const again = await cli(['import', files.json!], fresh);
    assert.equal(again.code, 2);
    assert.match(again.stderr, /--replace/);
    assert.equal((await cli(['import', files.json!, '--replace'], fresh)).code, 0);
    assert.equal((await ClientStore.open(fresh)).list().length, 1);

    // No secrets in the environment: every check is skipped locally, no request leaves, and
    // nothing is verified (exit 3).
    const checked = await cli(
      ['check', '--client-file', files.json!, '--only', 'braze', '--json'],
      fresh,
    );
    assert.equal(checked.code, 3, checked.stderr);
    assert.equal((JSON.parse(checked.stdout) as { verdict: string }).verdict, 'not-verified');
  });

  it('a bad bundle: exit 2, one line, nothing imported', async (t: TestContext) => {
    const home = await tempDir(t);
    const out = await tempDir(t);
    for (const item of corpus) {
      const file = join(out, 'bad.json');
      await writeFile(file, await item.text());
      const ran = await cli(['import', file], home);
      assert.equal(ran.code, 2, item.name);
      assert.equal(ran.stderr.trim().split('\n').length, 1, `${item.name}: ${ran.stderr}`);
      assert.match(ran.stderr, item.mentions, item.name);
    }
    assert.deepEqual((await ClientStore.open(home)).list(), []);
    const missing = await cli(['export', '--client', 'Nobody'], home);
    assert.equal(missing.code, 2);
    assert.match(
      missing.stderr,
      new RegExp(createI18n('en').t('reports:cli.clientNotFound', { name: 'Nobody' })),
    );
  });
});
