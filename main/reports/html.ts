import type { Translate } from '../translate.ts';
import { escapeHtml as e } from './escape.ts';
import type {
  ReportCheck,
  ReportConfirmation,
  ReportModel,
  ReportStep,
  ReportVerdict,
} from './model.ts';
import { sectionHtml } from './sections.ts';
import { reportCss } from './styles.ts';

/**
 * The report as one self-contained HTML page: inline CSS and SVG, no script, no image, no font or
 * link to fetch; a Content-Security-Policy forbids any request should a value ever slip through.
 * Every value from the client goes through `escapeHtml`.
 */
export function renderHtml(model: ReportModel, t: Translate): string {
  const title = t('reports:report.title', { client: model.clientName });
  return [
    '<!doctype html>',
    `<html lang="${e(model.language)}">`,
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${e(title)}</title>`,
    `<style>${reportCss}</style>`,
    '</head>',
    '<body><main>',
    `<h1>${e(title)}</h1>`,
    `<p class="meta">${e(t('reports:report.generated', { date: model.generatedAt }))}</p>`,
    `<p class="meta">${e(t('reports:report.integrations', { list: model.integrations.join(', ') }))}</p>`,
    summary(model, t),
    ...model.guides.map(
      (guide) =>
        `<section class="guide"><h2>${e(guide.title)}</h2>` +
        verdictHtml(guide.verdict, 'guide-verdict') +
        `<p class="meta">${e(t('reports:report.stepsDone', { done: guide.stepsDone, total: guide.stepsTotal }))}</p>` +
        guide.steps.map((step) => stepHtml(step, t)).join('') +
        '</section>',
    ),
    ...model.sections.map(sectionHtml),
    `<footer><p>${e(t('reports:report.noSecrets'))}</p><p>${e(t('reports:report.footer', { version: model.appVersion }))}</p></footer>`,
    '</main></body></html>',
    '',
  ].join('\n');
}

/** The verdict first, in words, then its confirmations: never a bare count of failures. */
function verdictHtml(verdict: ReportVerdict, className: string): string {
  return [
    `<div class="verdict ${className} verdict-${e(verdict.name)}" data-verdict="${e(verdict.name)}">`,
    `<p class="verdict-line"><strong>${e(verdict.line)}</strong></p>`,
    `<p class="meta">${e(verdict.confirmed)}</p>`,
    verdict.notRequested ? `<p class="meta">${e(verdict.notRequested)}</p>` : '',
    '</div>',
  ].join('');
}

function summary(model: ReportModel, t: Translate): string {
  const { totals } = model;
  const item = (value: string | number, label: string) =>
    `<li><strong>${e(value)}</strong>${e(label)}</li>`;
  return [
    `<h2>${e(t('reports:report.summary'))}</h2>`,
    verdictHtml(model.verdict, 'client-verdict'),
    '<ul class="summary">',
    item(`${totals.stepsDone}/${totals.stepsTotal}`, t('reports:report.totals.steps')),
    item(totals.failing, t('reports:report.totals.failing')),
    item(totals.notVerified, t('reports:report.totals.notVerified')),
    item(totals.stale, t('reports:report.totals.stale')),
    '</ul>',
    `<p class="meta">${e(t('reports:report.staleRule', { hours: model.staleAfterHours }))}</p>`,
  ].join('');
}

const outdatedTag = (t: Translate): string =>
  `<span class="tag tag-outdated">${e(t('checks:verdict.outdated'))}</span>`;

function stepHtml(step: ReportStep, t: Translate): string {
  const state = step.state
    ? `<span class="step-state state-${e(step.state.name)}">${e(step.state.label)}</span>`
    : '';
  return [
    `<article class="step" data-step-id="${e(step.id)}">`,
    `<h3><span>${e(step.title)} <span class="kind">${e(step.kind)}</span></span>${state}</h3>`,
    step.state?.detail ? `<p class="meta step-detail">${e(step.state.detail)}</p>` : '',
    step.confirmations.length
      ? `<ul class="confirmations" aria-label="${e(t('reports:report.confirmations'))}">${step.confirmations.map((c) => confirmationHtml(c, t)).join('')}</ul>`
      : '',
    step.checks.length ? checksHtml(step.checks, t) : '',
    '</article>',
  ].join('');
}

function confirmationHtml(c: ReportConfirmation, t: Translate): string {
  const who = c.done
    ? `<span class="who">${e(confirmedText(c, t))}</span>`
    : `<span class="who">${e(t('reports:report.notConfirmed'))}</span>`;
  const note = c.note
    ? `<span class="note">${e(t('reports:report.note', { note: c.note }))}</span>`
    : '';
  return `<li class="${c.done ? 'done' : 'open'}"><span class="mark" aria-hidden="true">${c.done ? '✓' : '○'}</span>${e(c.label)}${who}${note}</li>`;
}

export const confirmedText = (c: ReportConfirmation, t: Translate): string =>
  c.by
    ? t('reports:report.confirmedBy', { name: c.by, date: c.at ?? '' })
    : t('reports:report.confirmedOn', { date: c.at ?? '' });

function checksHtml(checks: readonly ReportCheck[], t: Translate): string {
  const head = ['check', 'status', 'result', 'when']
    .map((c) => `<th scope="col">${e(t(`reports:report.columns.${c}`))}</th>`)
    .join('');
  const rows = checks
    .map(
      (c) =>
        `<tr data-check-id="${e(c.id)}"><td>${e(c.name)}</td>` +
        `<td class="status status-${e(c.state)}">${e(t(`reports:report.status.${c.state}`))}</td>` +
        `<td>${e(c.message ?? '')}</td>` +
        `<td>${e(c.at ?? '')}${c.stale ? `<span class="tag tag-stale">${e(t('reports:report.stale'))}</span>` : ''}${c.outdated ? outdatedTag(t) : ''}</td></tr>`,
    )
    .join('');
  return `<table><caption class="meta">${e(t('reports:report.checks'))}</caption><thead><tr>${head}</tr></thead><tbody>${rows}</tbody></table>`;
}
