import type { Client } from '../../../shared/types/client.ts';
import type { ReportContext, ReportSection } from '../../reports/sections.ts';
import { planView } from './plan-view.ts';
import { renderSummary } from './plans/summary.ts';

/**
 * The saved ODP plan as "do this in ODP" steps, section by section: the same summary the plan
 * editor shows, from the same view. A plan holds segment, field and campaign names and Liquid
 * values; keys and tokens live in the keychain, never in it.
 */
export function planReportSections(client: Client, { t, now }: ReportContext): ReportSection[] {
  if (!client.integrations.includes('optimizely')) return [];
  const view = planView(client, now);
  if (!view.saved) return [];
  return [
    {
      id: 'odp-plan',
      heading: t('odp:summary.reportHeading'),
      blocks: renderSummary(view.summary, t).map((s) => ({
        kind: 'steps',
        title: s.title,
        steps: s.steps,
      })),
    },
  ];
}
