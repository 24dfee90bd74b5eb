import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { canonicalJson, computeChecksum } from '../../shared/bundle/checksum.ts';
import {
  bundleFromClient,
  clientFromBundle,
  serializeBundle,
} from '../../shared/bundle/convert.ts';
import { bundleLimits } from '../../shared/bundle/limits.ts';
import { migrateBundle } from '../../shared/bundle/migrate.ts';
import { parseBundle } from '../../shared/bundle/parse.ts';
import { bundleProblemText, formatPath } from '../../shared/bundle/problems.ts';
import { bundleVersion } from '../../shared/bundle/schema.ts';
import { allInputs } from '../../shared/guides/index.ts';
import { createI18n } from '../../shared/i18n/index.ts';
import { languages } from '../../shared/types/ids.ts';
import { standingOf } from '../../shared/verdict/standing.ts';
import { reviewClient, secretTail, withoutSecretDates } from '../support/review-client.ts';

const importOptions = { requireChecksum: true };

/** Re-signs a document after a test changed it, so only the change under test is wrong. */
async function signed(document: Record<string, unknown>): Promise<string> {
  return JSON.stringify({ ...document, checksum: await computeChecksum(document) });
}

async function exported(): Promise<Record<string, unknown>> {
  return JSON.parse(serializeBundle(await bundleFromClient(reviewClient()))) as Record<
    string,
    unknown
  >;
}

describe('bundle checksum', () => {
  it('ignores key order and whitespace but not values', async () => {
    const a = { b: 1, a: { d: [1, 'x'], c: null } };
    const b = JSON.parse('{ "a": { "c": null, "d": [1, "x"] }, "b": 1 }') as typeof a;
    assert.equal(canonicalJson(a), canonicalJson(b));
    assert.equal(await computeChecksum(a), await computeChecksum(b));
    assert.notEqual(await computeChecksum(a), await computeChecksum({ ...a, b: 2 }));
  });

  it('is a SHA-256 of the canonical JSON of every field but itself', async () => {
    const sum = await computeChecksum({ z: 'é', checksum: 'sha256:whatever', a: 1 });
    const { createHash } = await import('node:crypto');
    const expected = createHash('sha256').update('{"a":1,"z":"é"}').digest('hex');
    assert.equal(sum, `sha256:${expected}`);
  });
});

describe('bundle export and parse', () => {
  it('round-trips a client without its secrets, even the masked tail', async () => {
    const client = reviewClient();
    const text = serializeBundle(await bundleFromClient(client));
    assert.ok(!text.includes(secretTail), 'the secret tail leaked into the bundle');
    assert.ok(!text.includes('"secrets"'));
    const savedAt = client.secrets['braze.apiKey']?.setAt ?? '';
    assert.ok(savedAt !== '' && !text.includes(savedAt), 'when a secret was saved went out');
    const parsed = await parseBundle(text, importOptions);
    assert.ok(parsed.ok, JSON.stringify(!parsed.ok && parsed.problem));
    assert.equal(parsed.bundle.version, bundleVersion);
    const back = clientFromBundle(parsed.bundle, client.id);
    assert.deepEqual(back.inputs, client.inputs);
    assert.deepEqual(back.confirmations, client.confirmations);
    // Results keep what they were computed from, with which secrets they used but not when
    // those were saved.
    assert.deepEqual(back.checkResults['braze.api_key']?.basis?.secretsSavedAt, {
      'braze.apiKey': null,
    });
    assert.deepEqual(back.checkResults, withoutSecretDates(client.checkResults));
    assert.deepEqual(back.artifacts, client.artifacts);
    assert.deepEqual(back.secrets, {});
    assert.equal(back.name, client.name);
  });

  it('accepts a re-indented export (the checksum is canonical)', async () => {
    const document = await exported();
    const parsed = await parseBundle(JSON.stringify(document), importOptions);
    assert.ok(parsed.ok);
  });
});

describe('bundle migration', () => {
  it('upgrades a version 1 client file, which had no review state and no checksum', async () => {
    const v1 = {
      version: 1,
      name: 'Legacy Co',
      integrations: ['jacquard'],
      jacquard: { s3Folder: 'legacy' },
    };
    const migrated = migrateBundle(v1);
    assert.ok(migrated.ok);
    assert.equal(migrated.document.version, bundleVersion);
    assert.equal(migrated.from, 1);
    const parsed = await parseBundle(JSON.stringify(v1), importOptions);
    assert.ok(parsed.ok, JSON.stringify(!parsed.ok && parsed.problem));
    assert.equal(
      clientFromBundle(parsed.bundle, crypto.randomUUID()).inputs['jacquard.s3Folder'],
      'legacy',
    );
  });

  it('imports a version 2 export, whose results never said what they were computed from', async () => {
    const document = await exported();
    const results = document.checkResults as Record<string, Record<string, unknown>>;
    for (const result of Object.values(results)) delete result.basis;
    const v2 = { ...document, version: 2 };
    const parsed = await parseBundle(await signed(v2), importOptions);
    assert.ok(parsed.ok, JSON.stringify(!parsed.ok && parsed.problem));
    assert.equal(parsed.from, 2);
    assert.equal(parsed.bundle.version, bundleVersion);
    const client = clientFromBundle(parsed.bundle, crypto.randomUUID());
    const apiKey = client.checkResults['braze.api_key'];
    assert.equal(apiKey?.status, 'pass', 'the result itself is kept');
    // …but a pass nobody can tell is still current is not counted as verified.
    assert.deepEqual(standingOf(apiKey, { staleAfterHours: 24, now: Date.parse(apiKey.at) }), {
      kind: 'notVerified',
      reason: 'noBasis',
    });
  });

  it('refuses a newer version and a missing or strange one', () => {
    assert.deepEqual(migrateBundle({ version: bundleVersion + 1 }), {
      ok: false,
      reason: 'newer',
      version: bundleVersion + 1,
    });
    assert.equal(migrateBundle({}).ok, false);
    assert.equal(migrateBundle({ version: '2' }).ok, false);
    assert.equal(migrateBundle({ version: 0 }).ok, false);
    assert.equal(migrateBundle({ version: 1.5 }).ok, false);
  });
});

describe('bundle problems', () => {
  const cases: Array<{
    name: string;
    text: () => Promise<string>;
    key: string;
    field?: string;
  }> = [
    {
      name: 'truncated',
      text: async () => JSON.stringify(await exported()).slice(0, 200),
      key: 'notJson',
    },
    { name: 'an array', text: () => Promise.resolve('[]'), key: 'notObject' },
    {
      name: 'too large',
      text: () => Promise.resolve(' '.repeat(bundleLimits.maxBytes + 1)),
      key: 'tooLarge',
    },
    {
      name: 'integrations not a list',
      text: async () => signed({ ...(await exported()), integrations: 'jacquard' }),
      key: 'wrongType',
      field: 'integrations',
    },
    {
      name: 'a confirmation time that is a number',
      text: async () => {
        const d = await exported();
        const confirmations = d.confirmations as Record<string, Record<string, unknown>>;
        const first = Object.keys(confirmations)[0]!;
        confirmations[first]!.at = 12;
        return signed(d);
      },
      key: 'wrongType',
    },
    {
      name: 'a huge input',
      text: async () => {
        const d = await exported();
        (d.inputs as Record<string, string>)['jacquard.s3Folder'] = 'x'.repeat(200_000);
        return signed(d);
      },
      key: 'stringTooLong',
      field: 'inputs["jacquard.s3Folder"]',
    },
    {
      name: 'a name too long for the app',
      text: async () => signed({ ...(await exported()), name: 'n'.repeat(500) }),
      key: 'stringTooLong',
      field: 'name',
    },
    {
      name: 'a wrong checksum',
      text: async () => JSON.stringify({ ...(await exported()), name: 'Changed after export' }),
      key: 'checksumMismatch',
    },
    {
      name: 'no checksum on a version 2 file',
      text: async () => {
        const document = await exported();
        delete document.checksum;
        return JSON.stringify(document);
      },
      key: 'checksumMissing',
    },
    {
      name: 'a future version',
      text: async () => signed({ ...(await exported()), version: bundleVersion + 1 }),
      key: 'newerVersion',
    },
    { name: 'no version', text: () => Promise.resolve('{"name":"x"}'), key: 'missingVersion' },
    {
      name: '__proto__ at the top',
      text: async () => {
        const text = await signed(await exported());
        return text.replace('{', '{"__proto__":{"polluted":true},');
      },
      key: 'forbiddenKey',
      field: '__proto__',
    },
    {
      name: '__proto__ inside inputs',
      text: async () => {
        const d = await exported();
        Object.defineProperty(d.inputs, '__proto__', { value: 'x', enumerable: true });
        return signed(d);
      },
      key: 'forbiddenKey',
      field: 'inputs.__proto__',
    },
    {
      name: 'a secret smuggled in',
      text: async () => signed({ ...(await exported()), apiKey: 'abc' }),
      key: 'secretField',
      field: 'apiKey',
    },
    {
      name: 'an unknown field',
      text: async () => signed({ ...(await exported()), color: 'blue' }),
      key: 'unknownField',
      field: 'color',
    },
    {
      name: 'deep nesting in artifacts',
      text: async () => {
        let deep: unknown = 1;
        for (let i = 0; i < 40; i++) deep = { d: deep };
        return signed({ ...(await exported()), artifacts: { deep } });
      },
      key: 'tooDeep',
    },
    {
      name: 'an unknown integration',
      text: async () => signed({ ...(await exported()), integrations: ['mailchimp'] }),
      key: 'invalidValue',
      field: 'integrations[0]',
    },
  ];

  for (const c of cases) {
    it(`${c.name} → ${c.key}`, async () => {
      const parsed = await parseBundle(await c.text(), importOptions);
      assert.equal(parsed.ok, false);
      if (parsed.ok) return;
      assert.equal(parsed.problem.key, c.key, JSON.stringify(parsed.problem));
      if (c.field) assert.equal(parsed.problem.params.field, c.field);
    });
  }

  // The guides declare which inputs are secrets; their values live only in the keychain.
  const secretInputs = allInputs().filter((input) => input.kind === 'secret');
  it("knows the guides' secret inputs (the Braze key, the ODP key …)", () => {
    const ids = secretInputs.map((input) => input.id);
    for (const id of ['braze.apiKey', 'odp.apiKey']) assert.ok(ids.includes(id), id);
  });
  for (const { id } of secretInputs) {
    it(`a value for the secret input ${id} under inputs → secretField, naming it`, async () => {
      const d = await exported();
      (d.inputs as Record<string, string>)[id] = 'a-real-looking-secret-0123456789abcdef';
      const parsed = await parseBundle(await signed(d), importOptions);
      assert.equal(parsed.ok, false);
      if (parsed.ok) return;
      assert.deepEqual(parsed.problem, {
        key: 'secretField',
        params: { field: `inputs[${JSON.stringify(id)}]` },
      });
    });
  }

  const malformedArtifacts: Array<{ key: string; value: unknown; problem: string; field: string }> =
    [
      {
        key: 'odp.plan',
        value: { segments: 'all', mappings: [], activation: null },
        problem: 'wrongType',
        field: 'artifacts["odp.plan"].segments',
      },
      {
        key: 'odp.fields',
        value: { fetchedAt: '2026-11-20T12:00:00.000Z', region: 'eu', fields: 'email' },
        problem: 'wrongType',
        field: 'artifacts["odp.fields"].fields',
      },
      {
        key: 'braze.segments',
        value: { instance: 'EU-01', segments: [] },
        problem: 'missingField',
        field: 'artifacts["braze.segments"].fetchedAt',
      },
      {
        key: 'currents.hourly',
        value: { generatedAt: '2026-11-20T12:00:00.000Z', hours: [] },
        problem: 'invalidValue',
        field: 'artifacts["currents.hourly"].hours',
      },
      {
        key: 'jacquard.snippetPreview',
        value: { text: '{% connected_content … %}', findings: 'none' },
        problem: 'wrongType',
        field: 'artifacts["jacquard.snippetPreview"].findings',
      },
    ];
  for (const c of malformedArtifacts) {
    it(`a malformed ${c.key} artifact → ${c.problem}, naming the field`, async () => {
      const d = await exported();
      (d.artifacts as Record<string, unknown>)[c.key] = c.value;
      const parsed = await parseBundle(await signed(d), importOptions);
      assert.equal(parsed.ok, false);
      if (parsed.ok) return;
      assert.equal(parsed.problem.key, c.problem, JSON.stringify(parsed.problem));
      assert.equal(parsed.problem.params.field, c.field);
    });
  }

  it("keeps an artifact it does not know (a newer app's) as it is", async () => {
    const d = await exported();
    const newer = { anything: [1, 'two', { three: null }] };
    (d.artifacts as Record<string, unknown>)['future.thing'] = newer;
    const parsed = await parseBundle(await signed(d), importOptions);
    assert.ok(parsed.ok, JSON.stringify(!parsed.ok && parsed.problem));
    assert.deepEqual(parsed.bundle.artifacts?.['future.thing'], newer);
  });

  it('says what is wrong in each of the five languages, naming the field', () => {
    const problem = {
      key: 'wrongType' as const,
      params: { field: 'integrations', expected: 'array' },
    };
    const texts = languages.map((language) => {
      const { t } = createI18n(language);
      const text = bundleProblemText(problem, (key, params) => t(key, params ?? {}));
      assert.ok(text.includes('integrations'), `${language}: ${text}`);
      assert.ok(!text.includes('reports:'), `${language}: untranslated ${text}`);
      return text;
    });
    assert.equal(new Set(texts).size, languages.length);
  });

  it('writes paths as people find them in the file', () => {
    assert.equal(formatPath(['inputs', 'jacquard.s3Folder']), 'inputs["jacquard.s3Folder"]');
    assert.equal(
      formatPath(['checkResults', 'braze.api_key', 'status']),
      'checkResults["braze.api_key"].status',
    );
    assert.equal(formatPath(['integrations', 0]), 'integrations[0]');
    assert.equal(formatPath([]), '(file)');
  });
});
