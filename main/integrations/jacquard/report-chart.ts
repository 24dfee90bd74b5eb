import type { CurrentsHourly } from '../../../shared/integrations/jacquard/currents-hourly.ts';
import { escapeHtml } from '../../reports/escape.ts';
import type { Translate } from '../../translate.ts';

type DeliveryChart = CurrentsHourly;

const width = 720;
const height = 200;
const pad = { top: 16, right: 12, bottom: 34, left: 48 };

/**
 * The Currents delivery chart as inline SVG: one stacked bar per hour (Email Click files, then
 * the other types' files), drawn from numbers only, so it needs no script, font or request to
 * display or print. A capped hour (a lower bound) carries a "+" above its bar.
 */
export function deliveryChartSvg(chart: DeliveryChart, t: Translate): string {
  const hours = chart.hours;
  const max = Math.max(1, ...hours.map((h) => h.emailClick + h.other));
  const plotW = width - pad.left - pad.right;
  const plotH = height - pad.top - pad.bottom;
  const slot = plotW / hours.length;
  const barW = Math.max(1, slot * 0.8);
  const y = (value: number) => pad.top + plotH - (value / max) * plotH;
  const bars = hours
    .map((h, i) => {
      const x = (pad.left + i * slot + (slot - barW) / 2).toFixed(1);
      const clickTop = y(h.emailClick);
      const otherTop = y(h.emailClick + h.other);
      const centre = (pad.left + (i + 0.5) * slot).toFixed(1);
      return [
        `<rect class="bar-click" x="${x}" y="${clickTop.toFixed(1)}" width="${barW.toFixed(1)}" height="${(pad.top + plotH - clickTop).toFixed(1)}"><title>${escapeHtml(`${hourLabel(h)}: ${h.emailClick} / ${h.other}`)}</title></rect>`,
        h.other > 0
          ? `<rect class="bar-other" x="${x}" y="${otherTop.toFixed(1)}" width="${barW.toFixed(1)}" height="${(clickTop - otherTop).toFixed(1)}"/>`
          : '',
        h.capped
          ? `<text class="capped" x="${centre}" y="${(otherTop - 3).toFixed(1)}" text-anchor="middle">+</text>`
          : '',
      ].join('');
    })
    .join('');
  const first = hours[0]?.hour ?? '';
  const last = hours[hours.length - 1]?.hour ?? '';
  const title = t('reports:report.chart.title', { hours: hours.length });
  const summary = chartSummary(chart, t);
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="chart-title chart-desc" class="chart">`,
    `<title id="chart-title">${escapeHtml(title)}</title>`,
    `<desc id="chart-desc">${escapeHtml(summary)}</desc>`,
    `<line class="axis" x1="${pad.left}" y1="${pad.top + plotH}" x2="${width - pad.right}" y2="${pad.top + plotH}"/>`,
    `<line class="axis" x1="${pad.left}" y1="${pad.top}" x2="${pad.left}" y2="${pad.top + plotH}"/>`,
    `<text class="tick" x="${pad.left - 6}" y="${pad.top + 4}" text-anchor="end">${max}</text>`,
    `<text class="tick" x="${pad.left - 6}" y="${pad.top + plotH}" text-anchor="end">0</text>`,
    bars,
    `<text class="tick" x="${pad.left}" y="${height - 12}" text-anchor="start">${escapeHtml(first)}</text>`,
    `<text class="tick" x="${width - pad.right}" y="${height - 12}" text-anchor="end">${escapeHtml(last)}</text>`,
    '</svg>',
  ].join('');
}

/** The chart in one sentence: totals over the window (also the Markdown report's version of it). */
export function chartSummary(chart: DeliveryChart, t: Translate): string {
  const clicks = chart.hours.reduce((n, h) => n + h.emailClick, 0);
  const other = chart.hours.reduce((n, h) => n + h.other, 0);
  const silent = chart.hours.filter((h) => h.emailClick === 0).length;
  return t('reports:report.chart.summary', {
    clicks,
    other,
    silent,
    hours: chart.hours.length,
  });
}

type Hour = DeliveryChart['hours'][number];

/** An hour as the report names it: "+" when it held more files than were counted, as in the app. */
export const hourLabel = (h: Hour): string => (h.capped ? `${h.hour} +` : h.hour);

/** The one note explaining "+", naming the per-hour limit when the artifact records it; null when no hour is capped. */
export function cappedNote(chart: DeliveryChart, t: Translate): string | null {
  if (!chart.hours.some((h) => h.capped)) return null;
  return chart.filesPerHourLimit === undefined
    ? t('reports:report.chart.cappedNoLimit')
    : t('reports:report.chart.capped', { limit: chart.filesPerHourLimit });
}
