import type { Client } from '../../shared/types/client.ts';
import type { Translate } from '../translate.ts';
import { escapeHtml as e, escapeMarkdown as m } from './escape.ts';

/** What an integration's report sections are built with: the report's language and clock. */
export interface ReportContext {
  /** Translates in the report's language. */
  t: Translate;
  now: Date;
  /** A date in the report's language and the computer's time zone. */
  formatDate: (iso: string) => string;
}

/** How an integration adds its sections to a client's report (none when it has nothing saved). */
export type ReportSections = (client: Client, context: ReportContext) => ReportSection[];

/**
 * A part of a report that an integration contributes (a delivery chart, a plan to carry out …),
 * already translated. The renderers lay out its blocks the same way whatever the integration.
 */
export interface ReportSection {
  /** A class name for the section, so the report's styles can place it. */
  id: string;
  heading: string;
  blocks: readonly ReportBlock[];
}

export type ReportBlock =
  /** A titled list of things to do, numbered from 1. */
  | { kind: 'steps'; title: string; steps: readonly string[] }
  /** A paragraph; `meta` sets it in the small type of dates and notes. */
  | { kind: 'text'; text: string; meta?: boolean; className?: string }
  | { kind: 'table'; columns: readonly string[]; rows: readonly (readonly (string | number)[])[] }
  /**
   * A drawing (inline SVG built from numbers only) with its legend. Formats that cannot draw
   * (Markdown) show `alternative` instead: the same facts in words and tables.
   */
  | {
      kind: 'figure';
      svg: string;
      legend: readonly { className: string; label: string }[];
      alternative: readonly ReportBlock[];
    };

export function sectionHtml(section: ReportSection): string {
  return `<section class="${e(section.id)}"><h2>${e(section.heading)}</h2>${section.blocks.map(blockHtml).join('')}</section>`;
}

function blockHtml(block: ReportBlock): string {
  switch (block.kind) {
    case 'steps':
      return `<h3>${e(block.title)}</h3><ol>${block.steps.map((s) => `<li>${e(s)}</li>`).join('')}</ol>`;
    case 'text': {
      const classes = [block.meta ? 'meta' : '', block.className ?? ''].filter(Boolean).join(' ');
      return `<p${classes ? ` class="${e(classes)}"` : ''}>${e(block.text)}</p>`;
    }
    case 'table':
      return [
        '<table><thead><tr>',
        ...block.columns.map((c) => `<th scope="col">${e(c)}</th>`),
        '</tr></thead><tbody>',
        ...block.rows.map((row) => `<tr>${row.map((cell) => `<td>${e(cell)}</td>`).join('')}</tr>`),
        '</tbody></table>',
      ].join('');
    case 'figure':
      // The SVG is the integration's drawing, built from numbers with every text escaped.
      return `${block.svg}<p class="legend">${block.legend.map((l) => `<span class="${e(l.className)}">${e(l.label)}</span>`).join('')}</p>`;
  }
}

export function sectionMarkdown(section: ReportSection): string[] {
  return [`## ${m(section.heading)}`, '', ...section.blocks.flatMap(blockMarkdown)];
}

function blockMarkdown(block: ReportBlock): string[] {
  switch (block.kind) {
    case 'steps':
      return [`### ${m(block.title)}`, '', ...block.steps.map((s, i) => `${i + 1}. ${m(s)}`), ''];
    case 'text':
      return [m(block.text), ''];
    case 'table':
      return [
        `| ${block.columns.map(m).join(' | ')} |`,
        `|${' --- |'.repeat(block.columns.length)}`,
        ...block.rows.map((row) => `| ${row.map(m).join(' | ')} |`),
        '',
      ];
    case 'figure':
      return block.alternative.flatMap(blockMarkdown);
  }
}
