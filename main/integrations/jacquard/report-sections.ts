import { readArtifact } from '../../../shared/integrations/artifacts.ts';
import { currentsHourlyArtifact } from '../../../shared/integrations/jacquard/currents-hourly.ts';
import type { Client } from '../../../shared/types/client.ts';
import type { ReportBlock, ReportContext, ReportSection } from '../../reports/sections.ts';
import { cappedNote, chartSummary, deliveryChartSvg, hourLabel } from './report-chart.ts';

/** The check that measures the delivery chart (and saves what it is drawn from). */
const chartCheckId = 'currents.delivery';

/** What the Currents audit last measured, hour by hour: a chart, or its figures in Markdown. */
export function currentsReportSections(
  client: Client,
  { t, formatDate }: ReportContext,
): ReportSection[] {
  const chart = readArtifact(client.artifacts, currentsHourlyArtifact);
  if (!chart || !client.integrations.includes('jacquard')) return [];
  const note = cappedNote(chart, t);
  const figures: ReportBlock[] = [
    { kind: 'text', text: chartSummary(chart, t) },
    {
      kind: 'table',
      columns: ['hour', 'emailClick', 'other'].map((c) => t(`reports:report.chart.${c}`)),
      rows: chart.hours.map((h) => [hourLabel(h), h.emailClick, h.other]),
    },
  ];
  return [
    {
      id: 'delivery',
      heading: t('reports:report.chart.heading'),
      blocks: [
        {
          kind: 'figure',
          svg: deliveryChartSvg(chart, t),
          legend: [
            { className: 'l-click', label: t('reports:report.chart.emailClick') },
            { className: 'l-other', label: t('reports:report.chart.other') },
          ],
          alternative: figures,
        },
        ...(note === null
          ? []
          : [{ kind: 'text', text: note, meta: true, className: 'capped-note' } as const]),
        {
          kind: 'text',
          text: t('reports:report.chart.measured', { date: formatDate(chart.generatedAt) }),
          meta: true,
        },
        // The chart is only as current as the check that measured it.
        ...(client.checkResults[chartCheckId]?.outdated
          ? [
              {
                kind: 'text',
                text: t('reports:report.chart.outdated'),
                meta: true,
                className: 'outdated-note',
              } as const,
            ]
          : []),
      ],
    },
  ];
}
