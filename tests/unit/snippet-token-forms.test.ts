import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { lintSnippets } from '../../main/integrations/jacquard/snippet-lint.ts';
import { redactSnippetTokens } from '../../main/integrations/jacquard/snippet-redaction.ts';
import { findCanaries } from '../support/canary.ts';

// The connect token inside pasted snippets is taken out wherever a snippet carries it (a URL path
// segment, a query, a header value) and in whatever form it was written there, whether or not the
// token itself was saved first; what it stood for is still recognised by the token check.

const TOKEN = 'jqx_live_7f3a9c2e51b84d06aa1e';
const HOST = 'https://x.jacquard.example/v2/braze';

const bytes = (text: string) => [...Buffer.from(text, 'utf8')];
const hex = (n: number) => n.toString(16).padStart(2, '0');
const base64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');

/** The token as the place it sits in may write it. */
const forms: Record<string, (token: string) => string> = {
  'as typed': (t) => t,
  'every byte percent-encoded (upper case hex)': (t) =>
    bytes(t)
      .map((b) => `%${hex(b).toUpperCase()}`)
      .join(''),
  'every byte percent-encoded (lower case hex)': (t) =>
    bytes(t)
      .map((b) => `%${hex(b)}`)
      .join(''),
  'separators as HTML references': (t) =>
    t.replace(/[_-]/g, (c) => `&#${c.charCodeAt(0)};`).replace(/live/, '&#x6C;ive'),
  base64: (t) => base64(t),
  base64url: (t) => Buffer.from(t, 'utf8').toString('base64url'),
};
const headerForms: Record<string, (token: string) => string> = {
  'Bearer, as typed': (t) => `Bearer ${t}`,
  'Bearer, JSON \\u escapes': (t) =>
    `Bearer ${t.replace(/[_-]/g, (c) => `\\u00${hex(c.charCodeAt(0))}`)}`,
  'base64 of Bearer <token>': (t) => base64(`Bearer ${t}`),
  'Basic, base64 of user:token': (t) => `Basic ${base64(`jacquard:${t}`)}`,
  'base64 of the token': (t) => base64(t),
};

const places: Record<string, (written: string) => string> = {
  'a URL path segment': (w) =>
    `{% connected_content ${HOST}/${w}/subject?u={{\${user_id}}} :save jq %}`,
  'the token query parameter': (w) =>
    `{% connected_content ${HOST}/subject?token=${w}&u={{\${user_id}}} :save jq %}`,
  'another query parameter': (w) =>
    `{% connected_content ${HOST}/subject?u={{\${user_id}}}&jq=${w} :save jq %}`,
};
const headerPlaces: Record<string, (written: string) => string> = {
  'the Authorization header': (w) =>
    `{% connected_content ${HOST}/subject :headers {"Authorization": "${w}"} :save jq %}`,
  'a header of another name': (w) =>
    `{% connected_content ${HOST}/subject :headers {"X-Client": "${w}"} :save jq %}`,
};

const rest = [
  '{{ jq.subject }}',
  '<img src="https://x.jacquard.example/p.gif" width="1" height="1" alt="" />',
];

function assertTokenGone(pasted: string, stored: string | null, label: string): void {
  const saved = redactSnippetTokens(pasted, stored);
  assert.deepEqual(findCanaries(saved, [{ label: 'token', value: TOKEN }], label), [], saved);
  // Nothing else of the snippets changed: the call, its options and the lines around it.
  for (const kept of [HOST.replace('/v2/braze', ''), ':save jq', ...rest])
    assert.ok(saved.includes(kept), `${label}: "${kept}" kept in ${saved}`);
  // The token check still knows the token is the one saved.
  assert.equal(lintSnippets(saved, TOKEN).tokenMatch, 'match', `${label}: ${saved}`);
}

describe('the connect token is taken out of pasted snippets in any form', () => {
  for (const stored of [null, TOKEN]) {
    const when = stored ? 'token saved first' : 'token not saved yet';
    for (const [place, put] of Object.entries(places)) {
      for (const [form, write] of Object.entries(forms)) {
        test(`${place}, ${form} (${when})`, () => {
          assertTokenGone([put(write(TOKEN)), ...rest].join('\n'), stored, `${place}, ${form}`);
        });
      }
    }
    for (const [place, put] of Object.entries(headerPlaces)) {
      for (const [form, write] of Object.entries(headerForms)) {
        test(`${place}, ${form} (${when})`, () => {
          assertTokenGone([put(write(TOKEN)), ...rest].join('\n'), stored, `${place}, ${form}`);
        });
      }
    }
  }

  test('a token found in a named place is also taken out where nothing else would find it', () => {
    const pasted = [
      `{% connected_content ${HOST}/subject?token=${TOKEN} :save jq %}`,
      `<!-- backup: ${encodeURIComponent(`Bearer ${TOKEN}`)} -->`,
      ...rest,
    ].join('\n');
    assertTokenGone(pasted, null, 'named, then in a comment');
  });

  test('once saved, the token goes wherever it stands, in any form, even cut short', () => {
    for (const written of [
      base64(TOKEN),
      bytes(TOKEN)
        .map((b) => `%${hex(b)}`)
        .join(''),
      TOKEN.slice(2, 16),
    ]) {
      const pasted = [`{% connected_content ${HOST}/s :save jq %}`, `<!-- ${written} -->`, ...rest];
      const saved = redactSnippetTokens(pasted.join('\n'), TOKEN);
      assert.ok(!saved.includes(written), saved);
      assert.deepEqual(findCanaries(saved, [{ label: 'token', value: TOKEN }], written), []);
    }
  });

  test('ids, slugs and names that only look random are kept as pasted', () => {
    const pasted = [
      `{% connected_content ${HOST}/projects/65f1a2b3c4d5e6f7a8b9c0d1/campaign2024spring/` +
        `summer-sale-email/3f2a9c1e-7b4d-4e21-8c55-a0d1f6e2b9c4?lang=fr&variant=B2 :save jq %}`,
      `{% connected_content ${HOST}/s :headers {"X-Client": "acme-retail-eu"} :save jq2 %}`,
      ...rest,
    ].join('\n');
    assert.equal(redactSnippetTokens(pasted, null), pasted);
  });
});
