import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { guides } from '../../shared/guides/index.ts';
import { languages } from '../../shared/types/ids.ts';
import { exportClient, reportTranslator } from '../../main/reports/export.ts';
import { escapeHtml, escapeMarkdown } from '../../main/reports/escape.ts';
import { reviewClient, secretTail } from '../support/review-client.ts';

const now = Date.UTC(2026, 10, 20, 12);
const client = reviewClient({ now });
const noPdf = () => Promise.reject(new Error('not used'));
const plain = (text: string) => text.replaceAll('**', '');

async function render(format: 'html' | 'md', language: (typeof languages)[number]) {
  const file = await exportClient(client, {
    format,
    language,
    staleAfterHours: 24,
    appVersion: '9.9.9',
    printPdf: noPdf,
    now: new Date(now),
  });
  return new TextDecoder().decode(file.bytes);
}

for (const language of languages) {
  const t = reportTranslator(language);
  const stepTitles = [guides.jacquard, guides.optimizely].flatMap((guide) =>
    guide.steps.map((step) => plain(t(`${guide.namespace}:${step.titleKey}`))),
  );

  describe(`report in ${language}`, () => {
    it('HTML: titled in the language, every step, stale marker, chart, no secret, no request', async () => {
      const html = await render('html', language);
      assert.match(html, new RegExp(`<html lang="${language}">`));
      const title = escapeHtml(t('reports:report.title', { client: client.name }));
      assert.ok(html.includes(`<h1>${title}</h1>`), 'the h1 names the client');
      assert.equal((html.match(/<h2>/g) ?? []).length, 4, 'summary, two guides, the chart');
      for (const stepTitle of stepTitles) {
        assert.ok(html.includes(escapeHtml(stepTitle)), `step "${stepTitle}" is missing`);
      }
      const articles = html.match(/<article class="step"/g) ?? [];
      assert.equal(articles.length, stepTitles.length);
      // odp.api_key ran 50 h ago with a 24 h threshold: the only stale result.
      const staleTag = `<span class="tag tag-stale">${escapeHtml(t('reports:report.stale'))}</span>`;
      assert.equal(html.split(staleTag).length - 1, 1);
      assert.match(html, /<tr data-check-id="odp\.api_key">.*tag-stale/);
      assert.ok(html.includes('<svg'), 'the Currents chart is drawn inline');
      assert.ok(html.includes(escapeHtml(t('reports:report.status.fail'))));
      assert.ok(!html.includes(secretTail), 'a secret tail leaked');
      assert.ok(!html.includes('<script'), 'a value was not escaped');
      assert.ok(html.includes('&lt;script&gt;alert(1)&lt;/script&gt;'));
      assert.doesNotMatch(html, /<(link|img|iframe|object|embed)\b/);
      assert.doesNotMatch(html, /\b(src|href)=/);
      assert.doesNotMatch(html, /url\(/);
    });

    it('Markdown: every step as a heading, ticks, escaped values, stale marker, no secret', async () => {
      const md = await render('md', language);
      assert.ok(
        md.startsWith(`# ${escapeMarkdown(t('reports:report.title', { client: client.name }))}`),
      );
      const headings = md.split('\n').filter((line) => line.startsWith('### '));
      assert.equal(headings.length, stepTitles.length);
      stepTitles.forEach((title, i) =>
        assert.ok(headings[i]?.includes(escapeMarkdown(title)), `${title} / ${headings[i]}`),
      );
      assert.match(md, /^- \[x\] /m);
      assert.match(md, /^- \[ \] /m);
      assert.ok(md.includes(`**${escapeMarkdown(t('reports:report.stale'))}**`));
      assert.ok(md.includes('\\<script\\>'), 'raw HTML in a note is escaped');
      assert.ok(md.includes('\\| pipe'), 'a pipe cannot break a table');
      assert.ok(!md.includes(secretTail));
    });
  });
}

describe('report escaping', () => {
  it('escapes every HTML special character', () => {
    assert.equal(
      escapeHtml(`<a href="x">'&'</a>`),
      '&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;',
    );
  });
  it('keeps Markdown text literal and on one line', () => {
    assert.equal(escapeMarkdown('*a* | [b](c)\n<d>'), '\\*a\\* \\| \\[b\\](c) \\<d\\>');
  });
});
