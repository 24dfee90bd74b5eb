import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { guides } from '../../shared/guides/index.ts';
import { languages } from '../../shared/types/ids.ts';
import { exportClient, reportTranslator } from '../../main/reports/export.ts';
import { escapeHtml, escapeMarkdown } from '../../main/reports/escape.ts';
import { dateFormatter } from '../../main/reports/model.ts';
import { planView } from '../../main/integrations/optimizely/plan-view.ts';
import { renderSummary } from '../../main/integrations/optimizely/plans/summary.ts';
import { defaultActivation } from '../../shared/integrations/optimizely/plan.ts';
import { reviewClient, secretTail } from '../support/review-client.ts';

const now = Date.UTC(2026, 10, 20, 12);
const client = reviewClient({ now });
const noPdf = () => Promise.reject(new Error('not used'));
const plain = (text: string) => text.replaceAll('**', '');

async function render(
  format: 'html' | 'md',
  language: (typeof languages)[number],
  of: typeof client = client,
) {
  const file = await exportClient(of, {
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

    it("HTML and Markdown: who confirmed and when, each check's translated message and time", async () => {
      const date = dateFormatter(language);
      const html = await render('html', language);
      const md = await render('md', language);
      // Several ticks can share a signature: count each one where it should appear.
      const signatures = new Map<string, number>();
      for (const tick of Object.values(client.confirmations)) {
        const text = t('reports:report.confirmedBy', { name: tick.by, date: date(tick.at) });
        assert.ok(text.includes(tick.by) && text.includes(date(tick.at)), text);
        signatures.set(text, (signatures.get(text) ?? 0) + 1);
      }
      assert.equal(signatures.size, 2, 'two people-and-times in the fixture');
      for (const [text, count] of signatures) {
        assert.equal(html.split(`<span class="who">${escapeHtml(text)}</span>`).length - 1, count);
        assert.equal(md.split(` — ${escapeMarkdown(text)}\n`).length - 1, count, text);
      }
      for (const result of Object.values(client.checkResults)) {
        const message = t(result.messageKey, result.params);
        assert.ok(!message.includes(result.messageKey), `${result.messageKey} is translated`);
        for (const value of Object.values(result.params))
          assert.ok(message.includes(String(value)));
        const when = date(result.at);
        const name = t(`checks:name.${result.id}`);
        const status = t(`reports:report.status.${result.status}`);
        const row = new RegExp(
          `<tr data-check-id="${result.id.replaceAll('.', '\\.')}"><td>[^<]*</td><td [^>]*>[^<]*</td>` +
            `<td>([^<]*)</td><td>([^<]*)`,
        ).exec(html);
        assert.deepEqual(row?.slice(1), [escapeHtml(message), escapeHtml(when)], result.id);
        const line = `| ${escapeMarkdown(name)} | ${escapeMarkdown(status)} | ${escapeMarkdown(message)} | ${escapeMarkdown(when)}`;
        assert.ok(md.includes(line), `${result.id}: ${line}`);
      }
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

describe('report with a saved ODP plan', () => {
  const planned = reviewClient({ now });
  planned.artifacts['odp.fields'] = {
    fetchedAt: new Date(now).toISOString(),
    region: 'eu',
    fields: [
      { name: 'lse', displayName: 'Last Seen Email', type: 'string' },
      { name: 'work_email', displayName: 'Work Email', type: 'string' },
    ],
  };
  planned.artifacts['odp.plan'] = {
    segments: { importAll: false, segments: [{ id: 's1', name: 'VIP <Gold>' }] },
    mappings: [{ brazeField: 'email', brazeType: 'string', odpField: 'work_email' }],
    activation: {
      ...defaultActivation('Europe/Paris', '2026-11-21'),
      enrollment: { kind: 'segment', segment: 'Active buyers' },
      targetIdentifier: 'external_id',
      additionalFields: [{ brazeField: 'company', value: '{{customer.company_name}}' }],
    },
  };
  const sections = (language: (typeof languages)[number]) =>
    renderSummary(planView(planned, new Date(now)).summary, reportTranslator(language));

  for (const language of languages) {
    const t = reportTranslator(language);
    it(`${language}: the numbered "to do in ODP" steps in HTML and Markdown, no secret`, async () => {
      const expected = sections(language);
      assert.deepEqual(
        expected.map((s) => s.title),
        ['segments', 'mappings', 'activation'].map((id) => t(`odp:summary.${id}.title`)),
      );
      const deletion = t('odp:summary.mappings.deleteDefault', {
        brazeField: 'Email',
        odpField: 'Last Seen Email',
      });
      assert.ok(expected[1]?.steps.includes(deletion), 'the re-pointed Email map is deleted');

      const html = await render('html', language);
      assert.ok(!html.includes('odp-plan'), 'no plan saved, no plan section');
      const withPlan = await render('html', language, planned);
      assert.equal((withPlan.match(/<h2>/g) ?? []).length, 5, 'the plan adds one section');
      assert.ok(withPlan.includes(`<h2>${escapeHtml(t('odp:summary.reportHeading'))}</h2>`));
      for (const section of expected) {
        const list = section.steps.map((step) => `<li>${escapeHtml(step)}</li>`).join('');
        assert.ok(withPlan.includes(`<h3>${escapeHtml(section.title)}</h3><ol>${list}</ol>`));
      }
      assert.ok(withPlan.includes('VIP &lt;Gold&gt;'));
      assert.ok(!withPlan.includes(secretTail));

      const md = await render('md', language, planned);
      assert.ok(md.includes(`## ${escapeMarkdown(t('odp:summary.reportHeading'))}\n`));
      for (const section of expected) {
        const block = section.steps.map((step, i) => `${i + 1}. ${escapeMarkdown(step)}`);
        assert.ok(md.includes(`### ${escapeMarkdown(section.title)}\n\n${block.join('\n')}\n`));
      }
      assert.ok(md.includes('VIP \\<Gold\\>'));
      assert.ok(!md.includes(secretTail));
    });
  }
});

describe('report chart of Currents files, with capped hours', () => {
  const limit = 10_000;
  const base = reviewClient({ now });
  const baseHourly = base.artifacts['currents.hourly'] as {
    generatedAt: string;
    hours: Array<{ hour: string; emailClick: number; other: number }>;
  };
  // As the audit saves it today: a flag on every hour and the per-hour listing limit.
  const withFlags = (cappedAt: readonly number[], withLimit: boolean) => {
    const of = reviewClient({ now });
    of.artifacts['currents.hourly'] = {
      generatedAt: baseHourly.generatedAt,
      hours: baseHourly.hours.map((h, i) =>
        cappedAt.includes(i) ? { ...h, emailClick: limit, capped: true } : { ...h, capped: false },
      ),
      ...(withLimit ? { filesPerHourLimit: limit } : {}),
    };
    return of;
  };
  const capped = withFlags([20, 30], true);
  const hourAt = (i: number) => baseHourly.hours[i]!;
  // The words a reader needs to see: the chart counts files, not events.
  const filesWord = {
    en: /\bfiles?\b/i,
    fr: /fichiers?/i,
    pt: /arquivos?/i,
    es: /archivos?/i,
    de: /Datei/i,
  };
  const eventsWord = {
    en: /\bevents\b/i,
    fr: /événements/i,
    pt: /eventos/i,
    es: /eventos/i,
    de: /Ereignisse/i,
  };

  for (const language of languages) {
    const t = reportTranslator(language);
    const note = t('reports:report.chart.capped', { limit });
    const noteWithoutLimit = t('reports:report.chart.cappedNoLimit');

    it(`${language}: the chart's title, summary and legend speak of files`, async () => {
      const title = t('reports:report.chart.title', { hours: 48 });
      const summary = t('reports:report.chart.summary', {
        hours: 48,
        clicks: 1,
        other: 2,
        silent: 3,
      });
      for (const text of [title, summary]) {
        assert.match(text, filesWord[language]);
        assert.doesNotMatch(text, eventsWord[language]);
      }
      assert.doesNotMatch(t('reports:report.chart.other'), eventsWord[language]);
      const html = await render('html', language);
      assert.ok(html.includes(`<title id="chart-title">${escapeHtml(title)}</title>`));
      const hours = baseHourly.hours;
      const counts = {
        hours: hours.length,
        clicks: hours.reduce((n, h) => n + h.emailClick, 0),
        other: hours.reduce((n, h) => n + h.other, 0),
        silent: hours.filter((h) => h.emailClick === 0).length,
      };
      const md = await render('md', language);
      assert.ok(md.includes(escapeMarkdown(t('reports:report.chart.summary', counts))));
    });

    it(`${language}: HTML marks each capped hour with "+" and names the limit once`, async () => {
      const html = await render('html', language, capped);
      assert.equal((html.match(/<text class="capped"[^>]*>\+<\/text>/g) ?? []).length, 2);
      assert.ok(
        html.includes(`<title>${hourAt(20).hour} +: ${limit} / ${hourAt(20).other}</title>`),
      );
      assert.ok(html.includes(`<title>${hourAt(21).hour}: ${hourAt(21).emailClick} / `));
      assert.ok(note.includes(String(limit)), note);
      assert.equal(html.split(`<p class="meta capped-note">${escapeHtml(note)}</p>`).length - 1, 1);
    });

    it(`${language}: Markdown lists the hours, "+" on the capped ones, and the note once`, async () => {
      const md = await render('md', language, capped);
      const row = (i: number, clicks: number, mark: string) =>
        `| ${escapeMarkdown(hourAt(i).hour)}${mark} | ${clicks} | ${hourAt(i).other} |`;
      assert.ok(md.includes(`\n${row(20, limit, ' +')}\n`), md);
      assert.ok(md.includes(`\n${row(30, limit, ' +')}\n`));
      assert.ok(md.includes(`\n${row(21, hourAt(21).emailClick, '')}\n`));
      assert.equal(md.split(' + |').length - 1, 2);
      assert.equal(md.split(escapeMarkdown(note)).length - 1, 1);
    });

    it(`${language}: no capped hour, no "+" and no note (old artifacts without the flag too)`, async () => {
      for (const uncapped of [client, withFlags([], true)]) {
        const html = await render('html', language, uncapped);
        assert.ok(html.includes('<svg'));
        assert.doesNotMatch(html, /class="capped/);
        assert.ok(!html.includes(escapeHtml(note)) && !html.includes(escapeHtml(noteWithoutLimit)));
        const md = await render('md', language, uncapped);
        assert.ok(md.includes(`| ${escapeMarkdown(hourAt(0).hour)} | `), 'the hours are listed');
        assert.ok(!md.includes(' + |'));
        assert.ok(
          !md.includes(escapeMarkdown(note)) && !md.includes(escapeMarkdown(noteWithoutLimit)),
        );
      }
    });

    it(`${language}: a capped hour without a recorded limit gets the note without a number`, async () => {
      const unlimited = withFlags([5], false);
      const html = await render('html', language, unlimited);
      assert.ok(html.includes(`<p class="meta capped-note">${escapeHtml(noteWithoutLimit)}</p>`));
      assert.doesNotMatch(noteWithoutLimit, /\d/);
      const md = await render('md', language, unlimited);
      assert.ok(md.includes(escapeMarkdown(noteWithoutLimit)));
      assert.ok(md.includes(`| ${escapeMarkdown(hourAt(5).hour)} + | `));
    });
  }
});

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

describe('report verdict: the bottom line comes first and never says more than is true', () => {
  const firstGuideAt = (text: string, title: string) => text.indexOf(title);
  const t = reportTranslator('en');
  const jacquardTitle = plain(t(`${guides.jacquard.namespace}:${guides.jacquard.titleKey}`));

  it('a client where nothing ran: "Not verified", with why, before any count or step', async () => {
    const fresh = { ...reviewClient({ now }), checkResults: {}, artifacts: {} };
    for (const format of ['html', 'md'] as const) {
      const text = await render(format, 'en', fresh);
      const verdict = text.search(
        /Not verified — checks without a current verdict: \d+ \(not run: \d+\)/,
      );
      assert.ok(verdict > 0, `${format}: no verdict`);
      assert.ok(verdict < text.indexOf(t('reports:report.totals.failing')), `${format}: order`);
      assert.ok(verdict < firstGuideAt(text, jacquardTitle), `${format}: before the guides`);
      assert.doesNotMatch(text, /Verified — /);
    }
  });

  it('a failure is the headline; the confirmations stand beside it', async () => {
    const html = await render('html', 'en');
    assert.match(
      html,
      /<div class="verdict client-verdict verdict-failing" data-verdict="failing"><p class="verdict-line"><strong>Failing — failed checks: 1<\/strong><\/p><p class="meta">Steps confirmed: 1 of \d+<\/p>/,
    );
  });

  it('each step says its state: ticked but a check never run is not Done', async () => {
    const html = await render('html', 'en');
    const prerequisites =
      /<article class="step" data-step-id="jacquard\.prerequisites">.*?<\/article>/s.exec(
        html,
      )?.[0];
    assert.ok(prerequisites);
    assert.match(prerequisites, /<span class="step-state state-notVerified">Not verified<\/span>/);
    assert.match(prerequisites, /Checks without a current verdict: 1 \(not run: 1\)/);
    const md = await render('md', 'en');
    assert.match(md, /^### .* — Not verified$/m);
    assert.doesNotMatch(md, /^### .* — Done$/m);
  });

  it('an outdated result is marked, not counted, and its chart is marked too', async () => {
    const outdated = reviewClient({ now });
    outdated.checkResults['currents.delivery'] = {
      id: 'currents.delivery',
      status: 'pass',
      messageKey: 'checks:status.pass',
      params: {},
      durationMs: 1,
      at: new Date(now - 3_600_000).toISOString(),
      outdated: true,
    };
    const bucket = outdated.checkResults['s3.bucket'];
    assert.ok(bucket);
    outdated.checkResults['s3.bucket'] = { ...bucket, outdated: true };
    const html = await render('html', 'en', outdated);
    const tag = `<span class="tag tag-outdated">${t('checks:verdict.outdated')}</span>`;
    assert.match(html, new RegExp(`<tr data-check-id="s3\\.bucket">.*${tag}</td></tr>`));
    assert.ok(html.includes(escapeHtml(t('reports:report.chart.outdated'))));
    // The outdated failure no longer makes the client failing: it is not verified, and why.
    assert.match(
      html,
      /data-verdict="not-verified"><p class="verdict-line"><strong>Not verified — [^<]*outdated, something they used changed since: 2/,
    );
    const md = await render('md', 'en', outdated);
    assert.ok(md.includes(escapeMarkdown(t('reports:report.chart.outdated'))));
    assert.match(md, /\| .*\*\*Outdated\*\* \|$/m);
  });
});
