import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { redactedMark, SecretScrubber } from '../../main/redaction/secret-scrubber.ts';
import { findCanaries } from '../support/canary.ts';
import { echoForm, echoFormNames, type EchoFormName } from '../support/echo-forms.ts';

// A service may quote a secret back in any form; whatever it quoted must come out without any form
// of the secret, and whatever holds no secret must come out exactly as it went in.

const secretChars = [
  ...'ABCDEFGHJKMNPQRSTVWXYZabcdefghjkmnpqrstvwxyz0123456789',
  ...`/+=_-.~!*'()&<>"%\\: @`,
  'é',
  '€',
  '😀',
];
const arbSecret = fc
  .string({ unit: fc.constantFrom(...secretChars), minLength: 16, maxLength: 48 })
  .filter((s) => s.trim() === s && s.length >= 16);
const arbText = fc.string({ unit: 'grapheme-ascii', maxLength: 60 });
const arbForm = fc.constantFrom(...echoFormNames);

/** No form of `secret` is left in `text`, as the leak detector of the canary tests sees it. */
function assertNoSecret(text: string, secret: string, context: string): void {
  assert.deepEqual(findCanaries(text, [{ label: 'secret', value: secret }], context), [], text);
}

describe('SecretScrubber', () => {
  test('removes a secret in every form a server may echo it in, whatever surrounds it', () => {
    fc.assert(
      fc.property(arbSecret, arbForm, arbText, arbText, (secret, form, before, after) => {
        const scrubber = SecretScrubber.of([secret]);
        const echoed = `${before}${echoForm(secret, form)}${after}`;
        const scrubbed = scrubber.text(echoed);
        assertNoSecret(scrubbed, secret, form);
        assert.ok(scrubbed.includes(redactedMark), `${form}: ${scrubbed}`);
      }),
      { numRuns: 600 },
    );
  });

  test('removes every secret of a run from one text that quotes them all, in mixed forms', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(arbSecret, { minLength: 2, maxLength: 4 }),
        fc.array(arbForm, { minLength: 4, maxLength: 4 }),
        (secrets, forms) => {
          const scrubber = SecretScrubber.of(secrets);
          const echoed = secrets
            .map((secret, i) => `header ${i}: ${echoForm(secret, forms[i] ?? 'raw')};`)
            .join(' ');
          const scrubbed = scrubber.text(echoed);
          for (const secret of secrets) assertNoSecret(scrubbed, secret, echoed);
        },
      ),
      { numRuns: 200 },
    );
  });

  test('leaves a text holding no secret exactly as it was', () => {
    const plain = fc.string({
      unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz .,:;!?-'),
      maxLength: 300,
    });
    const upperSecret = fc.string({
      unit: fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_'),
      minLength: 16,
      maxLength: 40,
    });
    fc.assert(
      fc.property(upperSecret, plain, (secret, text) => {
        assert.equal(SecretScrubber.of([secret]).text(text), text);
      }),
    );
  });

  const key = 'b7e3c2a1-9f4d/4e21+8c55=a0d1f6e2';
  const examples: Record<EchoFormName, string> = {
    raw: `Invalid API key: Bearer ${key}`,
    'json-escaped': JSON.stringify({ message: `Invalid API key: ${key}` }),
    'json-escaped-slash': `{"message":"Invalid API key: ${key.replaceAll('/', '\\/')}"}`,
    'json-ascii': `{"message":"${key.replace(/[^\w]/g, (c) => `\\u00${c.charCodeAt(0).toString(16)}`)}"}`,
    'url-encoded': `https://gw.example/denied?auth=Bearer%20${encodeURIComponent(key)}`,
    'url-encoded-lowercase': `auth=${encodeURIComponent(key).toLowerCase()}`,
    'form-encoded': `auth=${new URLSearchParams({ k: key }).toString().slice(2)}`,
    'html-escaped': `<p>Key &quot;${key}&quot; refused</p>`,
    'html-decimal': `<p>${key.replace(/[/+=-]/g, (c) => `&#${c.charCodeAt(0)};`)}</p>`,
    'html-hex': `<p>${key.replace(/[/+=-]/g, (c) => `&#x${c.charCodeAt(0).toString(16)};`)}</p>`,
    base64: `token ${Buffer.from(key).toString('base64')} rejected`,
    base64url: `token ${Buffer.from(key).toString('base64url')} rejected`,
    'base64-bearer': `header ${Buffer.from(`Bearer ${key}`).toString('base64')}`,
    'base64-basic': `Authorization: Basic ${Buffer.from(`user:${key}`).toString('base64')}`,
    'run-of-12': `Invalid API key: Bearer ${key.slice(0, 20)}…`,
  };
  for (const [form, echoed] of Object.entries(examples)) {
    test(`${form}: the key is gone, the rest of the answer stays`, () => {
      const scrubbed = SecretScrubber.of([key]).text(echoed);
      assertNoSecret(scrubbed, key, form);
      assert.ok(scrubbed.includes(redactedMark), scrubbed);
      // What surrounds the key is still there for the CSM to read.
      const words = echoed.match(/\b(Invalid API key|refused|rejected|header|auth|token)\b/g);
      for (const word of words ?? []) assert.ok(scrubbed.includes(word), `${word} in ${scrubbed}`);
    });
  }

  test('one escape layer inside another: a URL-encoded key in a JSON string, JSON-escaped in a URL', () => {
    const scrubber = SecretScrubber.of([key]);
    const inJson = JSON.stringify({ url: `https://x.example/?k=${encodeURIComponent(key)}` });
    const inUrl = encodeURIComponent(JSON.stringify({ k: key }).replaceAll('/', '\\/'));
    for (const text of [inJson, inUrl]) assertNoSecret(scrubber.text(text), key, text);
  });

  test('a UTF-8 secret percent-encoded byte by byte is found too', () => {
    const secret = 'clé-secrète-€-0123456789';
    const scrubbed = SecretScrubber.of([secret]).text(`k=${encodeURIComponent(secret)}&x=1`);
    assert.equal(scrubbed, `k=${redactedMark}&x=1`);
  });

  test('JSON values: every string, object keys included; numbers and booleans stay', () => {
    const scrubber = SecretScrubber.of([key]);
    const value = {
      brazeMessage: `Invalid API key: ${key}`,
      attempts: 3,
      ok: false,
      none: null,
      list: [`${encodeURIComponent(key)}`, 7],
      [`header ${key}`]: 'x',
    };
    assert.deepEqual(scrubber.json(value), {
      brazeMessage: `Invalid API key: ${redactedMark}`,
      attempts: 3,
      ok: false,
      none: null,
      list: [redactedMark, 7],
      [`header ${redactedMark}`]: 'x',
    });
  });

  test('secrets are taken as sent (trimmed); values too short to tell from words are not looked for', () => {
    const scrubber = SecretScrubber.of([`  ${key}\n`, 'x', 'test', null, undefined, '']);
    assert.equal(scrubber.text(`${key} x test`), `${redactedMark} x test`);
    assert.equal(new SecretScrubber().text(`${key} x`), `${key} x`);
  });

  test('a secret added later is removed from then on', () => {
    const scrubber = new SecretScrubber();
    assert.equal(scrubber.text(key), key);
    scrubber.add(key);
    assert.equal(scrubber.text(key), redactedMark);
  });
});
