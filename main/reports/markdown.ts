import type { Translate } from '../translate.ts';
import { escapeMarkdown as m } from './escape.ts';
import { confirmedText } from './html.ts';
import type { ReportModel, ReportStep, ReportVerdict } from './model.ts';
import { sectionMarkdown } from './sections.ts';

/** The report as Markdown (GitHub flavour): the same content as the HTML, every value escaped. */
export function renderMarkdown(model: ReportModel, t: Translate): string {
  const lines: string[] = [
    `# ${m(t('reports:report.title', { client: model.clientName }))}`,
    '',
    m(t('reports:report.generated', { date: model.generatedAt })),
    '',
    m(t('reports:report.integrations', { list: model.integrations.join(', ') })),
    '',
    `## ${m(t('reports:report.summary'))}`,
    '',
    ...verdictLines(model.verdict),
    `- ${m(t('reports:report.totals.steps'))}: ${model.totals.stepsDone}/${model.totals.stepsTotal}`,
    `- ${m(t('reports:report.totals.failing'))}: ${model.totals.failing}`,
    `- ${m(t('reports:report.totals.notVerified'))}: ${model.totals.notVerified}`,
    `- ${m(t('reports:report.totals.stale'))}: ${model.totals.stale}`,
    '',
    m(t('reports:report.staleRule', { hours: model.staleAfterHours })),
    '',
  ];
  for (const guide of model.guides) {
    lines.push(`## ${m(guide.title)}`, '');
    lines.push(...verdictLines(guide.verdict));
    lines.push(
      m(t('reports:report.stepsDone', { done: guide.stepsDone, total: guide.stepsTotal })),
      '',
    );
    for (const step of guide.steps) lines.push(...stepLines(step, t));
  }
  for (const section of model.sections) lines.push(...sectionMarkdown(section));
  lines.push('---', '', m(t('reports:report.noSecrets')), '');
  lines.push(m(t('reports:report.footer', { version: model.appVersion })), '');
  return lines.join('\n');
}

/** The verdict in bold, then its confirmations (and what was not requested). */
function verdictLines(verdict: ReportVerdict): string[] {
  return [
    `**${m(verdict.line)}**`,
    '',
    m(verdict.confirmed),
    '',
    ...(verdict.notRequested ? [m(verdict.notRequested), ''] : []),
  ];
}

function stepLines(step: ReportStep, t: Translate): string[] {
  const state = step.state ? ` — ${m(step.state.label)}` : '';
  const lines = [`### ${m(step.title)} (${m(step.kind)})${state}`, ''];
  if (step.state?.detail) lines.push(m(step.state.detail), '');
  for (const c of step.confirmations) {
    const detail = c.done ? confirmedText(c, t) : t('reports:report.notConfirmed');
    lines.push(`- [${c.done ? 'x' : ' '}] ${m(c.label)} — ${m(detail)}`);
    if (c.note) lines.push(`  - ${m(t('reports:report.note', { note: c.note }))}`);
  }
  if (step.confirmations.length) lines.push('');
  if (step.checks.length) {
    const head = ['check', 'status', 'result', 'when'].map((c) =>
      m(t(`reports:report.columns.${c}`)),
    );
    lines.push(`| ${head.join(' | ')} |`, `|${' --- |'.repeat(head.length)}`);
    for (const c of step.checks) {
      const tags = [
        ...(c.stale ? [t('reports:report.stale')] : []),
        ...(c.outdated ? [t('checks:verdict.outdated')] : []),
      ].map((tag) => ` **${m(tag)}**`);
      const when = c.at ? `${m(c.at)}${tags.join('')}` : '';
      lines.push(
        `| ${m(c.name)} | ${m(t(`reports:report.status.${c.state}`))} | ${m(c.message ?? '')} | ${when} |`,
      );
    }
    lines.push('');
  }
  return lines;
}
