import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { jacquardSnippetsCheck } from '../../main/integrations/jacquard/checks/snippets.ts';
import { lintSnippets } from '../../main/integrations/jacquard/snippet-lint.ts';
import {
  findingParams,
  previewOf,
} from '../../renderer/src/integrations/jacquard/snippet-preview-data.ts';
import { createI18n } from '../../shared/i18n/index.ts';
import { languages } from '../../shared/types/ids.ts';
import { runCheck, testClient } from '../support/check-context.ts';
import { runJacquardChecks } from '../support/jacquard-run.ts';

// Snippets written for these tests (Jacquard's real format is not public): the shapes Braze's
// Connected Content rules allow or forbid.

const TOKEN = 'jqx_live_7f3a9c2e51b84d06aa1e';
const OTHER_TOKEN = 'jqx_live_000000000000deadbeef';
const NEAR_MISS = TOKEN.slice(0, -1) + 'f';
const API = 'https://api.jacquard.example/v1/projects/65f1a2b3c4d5e6f7a8b9c0d1';
const HOST = 'https://x.jacquard.example/v2/braze';
const pixel = `<img src="${HOST}/open.gif?u={{\${user_id}}}" width="1" height="1" alt="" />`;
const call = (
  options: string,
  url = `${HOST}/subject?token=${TOKEN}&u={{\${user_id} | url_param_escape}}`,
) => `{% connected_content ${url} ${options} %}`;
const use = '{{ jacquard.subject_line | default: "Picked for you" }}';

const valid = [call(':method get :cache_max_age 900 :save jacquard'), use, pixel].join('\n');

interface Case {
  name: string;
  snippet: string;
  token?: string | null;
  /** Finding codes expected, in order. */
  codes: string[];
  line?: number;
  column?: number;
}

const cases: Case[] = [
  { name: 'a valid snippet', snippet: valid, codes: [] },
  {
    name: 'a POST with a captured body and headers',
    snippet: [
      '{% capture payload %}{"user":"{{${user_id}}}"}{% endcapture %}',
      call(
        ':method post :body {{payload}} :content_type application/json :headers {"X-Client":"braze"} :retry :save jacquard',
      ),
      use,
      pixel,
    ].join('\n'),
    codes: [],
  },
  {
    name: 'an unclosed block (unbalanced tags)',
    snippet: ['{% if ${language} == "fr" %}', valid].join('\n'),
    codes: ['syntax'],
    line: 1,
    column: 1,
  },
  {
    name: 'an unterminated output on line 2',
    snippet: [call(':save jacquard'), '{{ jacquard.subject_line ', pixel].join('\n'),
    codes: ['syntax'],
    line: 2,
  },
  {
    name: 'an unclosed block after some text on line 2 (line and column both past 1)',
    snippet: [call(':save jacquard'), 'Hi {% if jacquard.subject_line %}', use, pixel].join('\n'),
    codes: ['syntax'],
    line: 2,
    column: 4,
  },
  {
    name: 'an address that is not an http or https URL',
    snippet: [
      call(':save jacquard', `ftp://x.jacquard.example/v2/braze/subject?token=${TOKEN}`),
      use,
      pixel,
    ].join('\n'),
    codes: ['badUrl'],
  },
  {
    name: 'a :headers value that is not JSON',
    snippet: [call(':headers {"X-Client":braze} :save jacquard'), use, pixel].join('\n'),
    codes: ['headersJson'],
  },
  {
    name: 'an inline JSON body with spaces',
    snippet: [call(':method post :body {"user": "reader"} :save jacquard'), use, pixel].join('\n'),
    codes: ['bodySpaces'],
  },
  {
    name: 'an unknown option',
    snippet: [call(':method get :timeout 5 :save jacquard'), use, pixel].join('\n'),
    codes: ['unknownOption'],
  },
  {
    name: 'a plain http URL (allowed, but https is recommended)',
    snippet: [
      call(':save jacquard', `http://x.jacquard.example/v2/braze/subject?token=${TOKEN}`),
      use,
      pixel,
    ].join('\n'),
    codes: ['http'],
  },
  {
    name: 'port 8080',
    snippet: [
      call(':save jacquard', `https://x.jacquard.example:8080/subject?token=${TOKEN}`),
      use,
      pixel,
    ].join('\n'),
    codes: ['port'],
  },
  {
    name: 'an option before the URL',
    snippet: [
      `{% connected_content :method get ${HOST}/subject?token=${TOKEN} :save jacquard %}`,
      use,
      pixel,
    ].join('\n'),
    codes: ['urlFirst'],
  },
  {
    name: 'a method Braze does not support',
    snippet: [call(':method put :save jacquard'), use, pixel].join('\n'),
    codes: ['method'],
  },
  {
    name: 'a cache age outside 5 minutes to 4 hours',
    snippet: [call(':cache_max_age 60 :save jacquard'), use, pixel].join('\n'),
    codes: ['cacheMaxAge'],
  },
  {
    name: 'a saved variable never used',
    snippet: [call(':save jacquard'), '{{ subject | default: "x" }}', pixel].join('\n'),
    codes: ['saveUnused'],
  },
  {
    name: 'no :save at all',
    snippet: [call(':method get'), pixel].join('\n'),
    codes: ['noSave'],
  },
  {
    name: "no :save, the answer read from Braze's default variable",
    snippet: [call(':method get'), '{{ connected.subject_line }}', pixel].join('\n'),
    codes: [],
  },
  {
    name: 'plain http, no :save and no pixel: what breaks the snippet comes first',
    snippet: call(':method get', `http://x.jacquard.example/v2/braze/subject?token=${TOKEN}`),
    codes: ['noSave', 'noPixel', 'http'],
  },
  {
    name: 'no tracking pixel',
    snippet: [call(':save jacquard'), use].join('\n'),
    codes: ['noPixel'],
  },
  {
    name: 'a token different from the stored one',
    snippet: valid.replace(TOKEN, OTHER_TOKEN),
    codes: ['tokenMismatch'],
  },
  {
    name: 'two calls, the second with another token',
    snippet: [
      valid,
      call(':save jacquard_body', `${HOST}/body?token=${OTHER_TOKEN}`),
      '{{ jacquard_body.text }}',
    ].join('\n'),
    codes: ['tokenMismatch'],
  },
  {
    name: 'two calls, both with the stored token',
    snippet: [
      valid,
      call(':save jacquard_body', `${HOST}/body?token=${TOKEN}`),
      '{{ jacquard_body.text }}',
    ].join('\n'),
    codes: [],
  },
  {
    name: 'another token in the URL path',
    snippet: [call(':save jacquard', `${HOST}/${OTHER_TOKEN}/subject`), use, pixel].join('\n'),
    codes: ['tokenMismatch'],
  },
  {
    name: 'the stored token in the URL path',
    snippet: [call(':save jacquard', `${HOST}/${TOKEN}/subject`), use, pixel].join('\n'),
    codes: [],
  },
  {
    name: 'the stored token with one character changed, in the URL path',
    snippet: [call(':save jacquard', `${HOST}/${NEAR_MISS}/subject`), use, pixel].join('\n'),
    codes: ['tokenMismatch'],
  },
  {
    name: 'a 24-hex record id in the URL path, the stored token in the query',
    snippet: [call(':save jacquard', `${API}/lines?token=${TOKEN}`), use, pixel].join('\n'),
    codes: [],
  },
  {
    name: 'a slug with letters and digits in the URL path',
    snippet: [
      call(':save jacquard', `${HOST}/variants/campaign2024spring/subject?token=${TOKEN}`),
      use,
      pixel,
    ].join('\n'),
    codes: [],
  },
  {
    // braze.md §5: `:basic_auth` names a credential kept in Braze, never a secret.
    name: 'a :basic_auth credential name with letters and digits',
    snippet: [call(':basic_auth jacquard_credential01 :save jacquard'), use, pixel].join('\n'),
    codes: [],
  },
  {
    name: 'a :basic_auth credential name and path names that are no token',
    snippet: [
      call(
        ':basic_auth jacquard_credential :save jacquard',
        `${HOST}/subject_line_2024/3f2504e0-4f89-11d3-9a0c-0305e82c3301/subject?token=${TOKEN}`,
      ),
      use,
      pixel,
    ].join('\n'),
    codes: [],
  },
  {
    name: 'a token sent in a header',
    snippet: [
      call(`:headers {"Authorization":"Bearer ${TOKEN}"} :save jacquard`, `${HOST}/subject`),
      use,
      pixel,
    ].join('\n'),
    codes: [],
  },
  {
    name: 'no stored token to compare with',
    snippet: valid,
    token: null,
    codes: ['noStoredToken'],
  },
  {
    name: 'no connected_content at all',
    snippet: `Hello {{\${first_name}}}\n${pixel}`,
    codes: ['noConnectedContent', 'tokenAbsent'],
  },
];

void describe('snippet lint', () => {
  for (const c of cases) {
    void test(c.name, () => {
      const lint = lintSnippets(c.snippet, c.token === undefined ? TOKEN : c.token);
      assert.deepEqual(
        lint.findings.map((f) => f.code),
        c.codes,
        JSON.stringify(lint.findings),
      );
      if (c.line !== undefined) assert.equal(lint.findings[0]?.line, c.line);
      if (c.column !== undefined) assert.equal(lint.findings[0]?.column, c.column);
      assert.ok(!lint.preview.includes(TOKEN), 'the preview masks the token');
      assert.ok(!lint.preview.includes(OTHER_TOKEN), 'the preview masks any token');
      assert.ok(!lint.preview.includes(NEAR_MISS), 'the preview masks a near copy of the token');
    });
  }

  void test('the check fails on errors, warns on warnings and saves a masked preview', async () => {
    const client = (snippets: string) =>
      testClient({ integrations: ['jacquard'], inputs: { 'jacquard.snippets': snippets } });
    const secrets = { 'jacquard.connectToken': TOKEN };
    const ok = await runCheck(jacquardSnippetsCheck, { client: client(valid), secrets });
    assert.equal(ok.outcome.status, 'pass');
    const preview = ok.artifacts['jacquard.snippetPreview'] as { text: string };
    assert.match(preview.text, /token=•••&/);
    const port = await runCheck(jacquardSnippetsCheck, {
      client: client(
        [call(':save jacquard', `${HOST.replace('.example', '.example:8443')}/s`), use].join('\n'),
      ),
      secrets,
    });
    assert.equal(port.outcome.status, 'fail');
    assert.equal(port.outcome.messageKey, 'checks-jacquard:jacquard.snippets.finding.port');
    assert.equal(port.outcome.params?.port, 8443);
    assert.equal(port.outcome.params?.more, 2, 'the token and the pixel are also missing');
    const mismatch = await runCheck(jacquardSnippetsCheck, {
      client: client(valid.replace(TOKEN, OTHER_TOKEN)),
      secrets,
    });
    assert.ok(!JSON.stringify(mismatch).includes(TOKEN));
    assert.ok(!JSON.stringify(mismatch).includes(OTHER_TOKEN));
  });

  void test('a snippet that cannot work fails, headed by its most severe finding', async () => {
    const http = `http://x.jacquard.example/v2/braze/subject?token=${TOKEN}`;
    const cases: Array<[name: string, snippet: string, status: string, headline: string]> = [
      ['plain http, no :save, no pixel', call(':method get', http), 'fail', 'noSave'],
      ['no :save', [call(':method get'), pixel].join('\n'), 'fail', 'noSave'],
      ['saved, never used', [call(':save jacquard'), pixel].join('\n'), 'fail', 'saveUnused'],
      ['no pixel', [call(':save jacquard'), use].join('\n'), 'fail', 'noPixel'],
      ['another token', valid.replace(TOKEN, OTHER_TOKEN), 'fail', 'tokenMismatch'],
      ['only plain http', [call(':save jacquard', http), use, pixel].join('\n'), 'warn', 'http'],
    ];
    for (const [name, snippet, status, headline] of cases) {
      const { outcome } = await runCheck(jacquardSnippetsCheck, {
        client: testClient({
          integrations: ['jacquard'],
          inputs: { 'jacquard.snippets': snippet },
        }),
        secrets: { 'jacquard.connectToken': TOKEN },
      });
      assert.equal(outcome.status, status, name);
      assert.equal(
        outcome.messageKey,
        `checks-jacquard:jacquard.snippets.finding.${headline}`,
        name,
      );
    }
  });

  void test('the preview shows each finding with its line and column, in every language', async () => {
    const broken = [call(':save jacquard'), '{{ jacquard.subject_line ', pixel].join('\n');
    const client = testClient({
      integrations: ['jacquard'],
      inputs: { 'jacquard.snippets': broken },
    });
    const run = await runCheck(jacquardSnippetsCheck, {
      client,
      secrets: { 'jacquard.connectToken': TOKEN },
    });
    const preview = previewOf({ ...client, artifacts: run.artifacts });
    const syntax = preview?.findings[0];
    assert.ok(syntax, 'the preview lists the syntax error');
    assert.equal(syntax.line, 2);
    assert.equal(
      createI18n('en').t(syntax.messageKey, findingParams(syntax)),
      `Liquid syntax error on line 2, column ${syntax.column}: ${String(syntax.params.problem)}.`,
    );
    for (const language of languages) {
      const t = createI18n(language).t;
      for (const f of preview.findings) {
        assert.doesNotMatch(t(f.messageKey, findingParams(f)), /\{\{\w+\}\}/, language);
      }
    }
  });

  void test('the token check, run by the engine, names each shape problem without echoing the token', async () => {
    const tokenResult = async (token: string) =>
      (
        await runJacquardChecks({
          ids: ['jacquard.token'],
          inputs: {},
          secrets: { 'jacquard.connectToken': token },
        })
      ).byId.get('jacquard.token');
    const cases: Array<[token: string, status: string, key: string]> = [
      [TOKEN, 'pass', 'ok'],
      [`${TOKEN}\n`, 'fail', 'whitespace'],
      [`jqx_live ${TOKEN.slice(9)}`, 'fail', 'whitespace'],
      ['jqx_live', 'fail', 'tooShort'],
      [`"${TOKEN}"`, 'fail', 'characters'],
      [`{{${TOKEN}}}`, 'fail', 'characters'],
    ];
    for (const [token, status, key] of cases) {
      const result = await tokenResult(token);
      assert.equal(result?.status, status, key);
      assert.equal(result?.messageKey, `checks-jacquard:jacquard.token.${key}`);
      for (const part of token.split(/["{}\s]+/).filter(Boolean))
        assert.ok(!JSON.stringify(result).includes(part), `${key}: the token is not echoed`);
    }
    assert.deepEqual((await tokenResult('jqx_live'))?.params, { length: 8, minimum: 16 });
  });
});
