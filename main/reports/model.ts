import { shareableResult } from '../../shared/checks/shareable-result.ts';
import { isStale, isStepDone } from '../../shared/dashboard/overview.ts';
import { guideFor, type Guide } from '../../shared/guides/index.ts';
import type { CheckStatus } from '../../shared/types/checks.ts';
import type { Client } from '../../shared/types/client.ts';
import type { Language } from '../../shared/types/ids.ts';
import { mainIntegrations } from '../integrations/registry.ts';
import type { Translate } from '../translate.ts';
import type { ReportSection } from './sections.ts';

/**
 * Everything a report states, already translated into the report's language. The HTML and Markdown
 * renderers only lay it out. Built from the client's non-secret data: `client.secrets` is never read.
 */
export interface ReportModel {
  language: Language;
  clientName: string;
  generatedAt: string;
  integrations: string[];
  staleAfterHours: number;
  totals: { stepsDone: number; stepsTotal: number; failing: number; stale: number };
  guides: ReportGuide[];
  /** What the client's integrations add after the guides (a delivery chart, a plan …). */
  sections: ReportSection[];
  appVersion: string;
}

export interface ReportGuide {
  title: string;
  stepsDone: number;
  stepsTotal: number;
  steps: ReportStep[];
}

export interface ReportStep {
  id: string;
  title: string;
  kind: string;
  /** null when the step asks for no confirmation. */
  done: boolean | null;
  confirmations: ReportConfirmation[];
  checks: ReportCheck[];
}

export interface ReportConfirmation {
  label: string;
  done: boolean;
  by: string | null;
  at: string | null;
  note: string | null;
}

export type ReportCheckState = CheckStatus | 'notRun';

export interface ReportCheck {
  id: string;
  name: string;
  state: ReportCheckState;
  message: string | null;
  at: string | null;
  stale: boolean;
}

/** Keys in guide data are relative to the guide's namespace unless they name one. */
const guideText = (t: Translate, guide: Guide, key: string): string =>
  t(key.includes(':') ? key : `${guide.namespace}:${key}`).replaceAll('**', '');

export interface ReportOptions {
  language: Language;
  /** Translates in `language`. */
  t: Translate;
  staleAfterHours: number;
  now: Date;
  appVersion: string;
}

export function buildReportModel(client: Client, options: ReportOptions): ReportModel {
  const { t, language } = options;
  const formatDate = dateFormatter(language);
  const now = options.now.getTime();
  const guides = client.integrations.map((integration): ReportGuide => {
    const guide = guideFor(integration);
    const steps = guide.steps.map((step): ReportStep => {
      const checks = step.checks.map((id): ReportCheck => {
        const stored = client.checkResults[id];
        const result = stored && shareableResult(stored);
        return {
          id,
          name: t(`checks:name.${id}`, { id, defaultValue: t('app:checks.unnamed', { id }) }),
          state: result?.status ?? 'notRun',
          message: result ? t(result.messageKey, result.params) : null,
          at: result ? formatDate(result.at) : null,
          stale: result ? isStale(result, options.staleAfterHours, now) : false,
        };
      });
      return {
        id: step.id,
        title: guideText(t, guide, step.titleKey),
        kind: t(`reports:report.kinds.${step.kind}`),
        done: step.confirmations.length === 0 ? null : isStepDone(client, step),
        confirmations: step.confirmations.map((c): ReportConfirmation => {
          const tick = client.confirmations[c.id];
          return {
            label: guideText(t, guide, c.labelKey),
            done: Boolean(tick),
            by: tick?.by || null,
            at: tick ? formatDate(tick.at) : null,
            note: tick?.note || null,
          };
        }),
        checks,
      };
    });
    const counted = steps.filter((s) => s.done !== null);
    return {
      title: guideText(t, guide, guide.titleKey),
      stepsDone: counted.filter((s) => s.done).length,
      stepsTotal: counted.length,
      steps,
    };
  });
  // A check shared by several guides (the Braze key) is counted once.
  const checks = new Map(
    guides.flatMap((g) => g.steps.flatMap((s) => s.checks.map((c) => [c.id, c]))),
  );
  const context = { t, now: options.now, formatDate };
  return {
    language,
    clientName: client.name,
    generatedAt: formatDate(options.now.toISOString()),
    integrations: client.integrations.map((id) => t(`app:integrations.${id}`)),
    staleAfterHours: options.staleAfterHours,
    totals: {
      stepsDone: guides.reduce((n, g) => n + g.stepsDone, 0),
      stepsTotal: guides.reduce((n, g) => n + g.stepsTotal, 0),
      failing: [...checks.values()].filter((c) => c.state === 'fail').length,
      stale: [...checks.values()].filter((c) => c.stale).length,
    },
    guides,
    sections: mainIntegrations.flatMap((m) => m.reportSections?.(client, context) ?? []),
    appVersion: options.appVersion,
  };
}

/** Dates in the report's language and the computer's time zone, with the zone named. */
export function dateFormatter(language: Language): (iso: string) => string {
  const format = new Intl.DateTimeFormat(language, {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZoneName: 'short',
  });
  return (iso) => {
    const date = new Date(iso);
    return Number.isNaN(date.getTime()) ? iso : format.format(date);
  };
}
