import assert from 'node:assert/strict';
import { test } from 'node:test';
import { dispatch } from '../../main/handlers/dispatch.ts';
import { createHandlerTable } from '../../main/handlers/table.ts';
import { lintSnippets } from '../../main/integrations/jacquard/snippet-lint.ts';
import { redactSnippetTokens } from '../../main/integrations/jacquard/snippet-redaction.ts';
import { tokenPlaceholder } from '../../main/integrations/jacquard/snippet-tokens.ts';
import { createServices } from '../../main/services.ts';
import { memoryKeychain } from '../support/memory-keychain.ts';
import { tempDir } from '../support/temp-dir.ts';

const TOKEN = 'jqx_live_7f3a9c2e51b84d06aa1e';
const OTHER = 'jqx_live_000000000000deadbeef';
const snippet = (token: string) =>
  [
    `{% connected_content https://x.jacquard.example/subject?token=${token}&u={{\${user_id}}} :save jq %}`,
    '{{ jq.subject }}',
    '<img src="https://x.jacquard.example/pixel.gif" width="1" height="1" alt="" />',
  ].join('\n');

test('a stored snippet keeps no token, and the lint still tells a match from a wrong token', () => {
  const stored = redactSnippetTokens(snippet(TOKEN), TOKEN);
  assert.ok(!stored.includes(TOKEN));
  assert.equal(lintSnippets(stored, TOKEN).tokenMatch, 'match');
  assert.equal(lintSnippets(stored, OTHER).tokenMatch, 'mismatch');

  // A token the app does not know yet is taken out too: it is still a secret.
  const unknown = redactSnippetTokens(snippet(OTHER), null);
  assert.ok(!unknown.includes(OTHER));
  assert.equal(lintSnippets(unknown, TOKEN).tokenMatch, 'mismatch');
  // Redacting twice changes nothing.
  assert.equal(redactSnippetTokens(stored, TOKEN), stored);
});

test('saving keeps every id, slug and credential name the CSM pasted; only the token is masked', () => {
  const pasted = [
    '{% connected_content https://api.jacquard.example/v1/projects/65f1a2b3c4d5e6f7a8b9c0d1/lines' +
      `?token=${TOKEN} :basic_auth jacquard_credential01 :save jq %}`,
    '{% connected_content https://x.jacquard.example/variants/campaign2024spring/body' +
      `/${TOKEN} :basic_auth jacquard_credential01 :save body %}`,
    '{{ jq.subject }} {{ body.text }}',
    '<img src="https://x.jacquard.example/pixel.gif" width="1" height="1" alt="" />',
  ].join('\n');
  const stored = redactSnippetTokens(pasted, TOKEN);
  assert.equal(stored, pasted.replaceAll(TOKEN, tokenPlaceholder(TOKEN)));
  // Not saved yet: the token is still taken out of the URL path as well as the query.
  assert.equal(redactSnippetTokens(pasted, null), stored);
  const lint = lintSnippets(stored, TOKEN);
  assert.equal(lint.tokenMatch, 'match');
  assert.deepEqual(
    lint.findings.map((f) => f.code),
    [],
  );
});

test('a near copy of the token in the URL path is masked when saved and still reported', () => {
  const nearMiss = TOKEN.slice(0, -1) + 'f';
  const pasted = snippet(TOKEN).replace('/subject?', `/${nearMiss}/subject?`);
  const stored = redactSnippetTokens(pasted, TOKEN);
  assert.ok(!stored.includes(nearMiss) && !stored.includes(TOKEN));
  assert.equal(lintSnippets(pasted, TOKEN).tokenMatch, 'mismatch');
  assert.equal(lintSnippets(stored, TOKEN).tokenMatch, 'mismatch');
});

test('saving snippets or the token never leaves the token in the store', async (t) => {
  const home = await tempDir(t);
  const services = await createServices({ home, mode: 'browser', keychain: memoryKeychain() });
  const table = createHandlerTable(services);
  const call = (channel: string, payload: unknown) => dispatch(table, channel, payload, services.t);
  const created = await call('clients:create', { name: 'Acme', integrations: ['jacquard'] });
  const id = created.ok ? (created.value as { id: string }).id : '';

  // The token sits where no pattern looks: only knowing the stored token can catch it.
  const odd = `${snippet('x')}\n<!-- ${TOKEN} -->`;
  await call('inputs:set', { clientId: id, inputId: 'jacquard.snippets', value: odd });
  assert.ok(services.store.get(id).inputs['jacquard.snippets']?.includes(TOKEN));
  await call('secrets:set', { clientId: id, name: 'jacquard.connectToken', value: TOKEN });
  assert.ok(!services.store.get(id).inputs['jacquard.snippets']?.includes(TOKEN));

  await call('inputs:set', { clientId: id, inputId: 'jacquard.snippets', value: snippet(TOKEN) });
  const got = await call('clients:get', { id });
  assert.ok(got.ok && !JSON.stringify(got.value).includes(TOKEN));
  assert.equal(
    lintSnippets(services.store.get(id).inputs['jacquard.snippets'] ?? '', TOKEN).tokenMatch,
    'match',
  );
});
