import { useTranslation } from 'react-i18next';
import { readArtifact } from '../../../../shared/integrations/artifacts.ts';
import {
  currentsHourlyArtifact,
  type CurrentsHourly,
} from '../../../../shared/integrations/jacquard/currents-hourly.ts';
import type { Client } from '../../../../shared/types/client.ts';
import { StepSection } from '../../screens/client/StepSection.tsx';
import { MeasuredNote } from '../../features/verdict/MeasuredNote.tsx';

type HourCount = CurrentsHourly['hours'][number];

interface Series {
  hours: HourCount[];
  filesPerHourLimit: number | null;
  measuredAt: string | null;
}

/** The `currents.hourly` artifact `currents.delivery` saves, or null when absent or malformed. */
function hourlySeries(client: Client): Series | null {
  const hourly = readArtifact(client.artifacts, currentsHourlyArtifact);
  return hourly
    ? {
        hours: hourly.hours,
        filesPerHourLimit: hourly.filesPerHourLimit ?? null,
        measuredAt: hourly.generatedAt,
      }
    : null;
}

const WIDTH = 480;
const HEIGHT = 120;

/**
 * Files the Current delivered per hour over the last 48 hours, Email Click stacked under the
 * rest. The SVG is one labelled image; the same figures are in a table for screen readers and
 * for anyone who prefers numbers.
 */
export function CurrentsChart({ client }: { client: Client }) {
  const { t } = useTranslation();
  const series = hourlySeries(client);
  const hours = series?.hours ?? [];
  const title = t('checks-jacquard:ui.chart.title');
  if (hours.length === 0) {
    return (
      <StepSection title={title}>
        <p>{t('checks-jacquard:ui.chart.empty')}</p>
      </StepSection>
    );
  }
  const max = Math.max(1, ...hours.map((h) => h.emailClick + h.other));
  const slot = WIDTH / hours.length;
  const scale = (n: number) => (n / max) * (HEIGHT - 4);
  return (
    <StepSection title={title}>
      <svg
        className="currents-chart"
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        width="100%"
        role="img"
        aria-label={title}
        preserveAspectRatio="none"
      >
        {hours.map((h, i) => {
          const click = scale(h.emailClick);
          const other = scale(h.other);
          return (
            <g key={h.hour}>
              <title>{`${h.hour}${h.capped ? ' +' : ''}: ${h.emailClick} / ${h.other}`}</title>
              <rect
                x={i * slot + 1}
                y={HEIGHT - click}
                width={slot - 2}
                height={click}
                className="bar-click"
                fill="#2f6fdd"
              />
              <rect
                x={i * slot + 1}
                y={HEIGHT - click - other}
                width={slot - 2}
                height={other}
                className="bar-other"
                fill="#c9822b"
              />
            </g>
          );
        })}
      </svg>
      <p className="chart-legend">
        <span className="legend-click">
          <span className="legend-key" aria-hidden="true" />
          {t('checks-jacquard:ui.chart.emailClick')}
        </span>{' '}
        <span className="legend-other">
          <span className="legend-key" aria-hidden="true" />
          {t('checks-jacquard:ui.chart.other')}
        </span>
      </p>
      <MeasuredNote at={series?.measuredAt ?? null} by={client.checkResults['currents.delivery']} />
      {hours.some((h) => h.capped) && (
        <p className="chart-capped">
          {t('checks-jacquard:ui.chart.capped', { limit: series?.filesPerHourLimit ?? '—' })}
        </p>
      )}
      <details>
        <summary>{t('checks-jacquard:ui.chart.showTable')}</summary>
        <table className="currents-table">
          <caption>{t('checks-jacquard:ui.chart.tableCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('checks-jacquard:ui.chart.hour')}</th>
              <th scope="col">{t('checks-jacquard:ui.chart.emailClick')}</th>
              <th scope="col">{t('checks-jacquard:ui.chart.other')}</th>
            </tr>
          </thead>
          <tbody>
            {hours.map((h) => (
              <tr key={h.hour}>
                <th scope="row">{h.capped ? `${h.hour} +` : h.hour}</th>
                <td>{h.emailClick}</td>
                <td>{h.other}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </StepSection>
  );
}
