import { shareableResult } from '../../shared/checks/shareable-result.ts';
import { guideFor, type Guide } from '../../shared/guides/index.ts';
import type { CheckStatus } from '../../shared/types/checks.ts';
import type { Client } from '../../shared/types/client.ts';
import type { Language } from '../../shared/types/ids.ts';
import {
  clientVerdict,
  integrationVerdict,
  type ScopedVerdict,
} from '../../shared/verdict/client-verdict.ts';
import { isStale, type StandingOptions } from '../../shared/verdict/standing.ts';
import { stepStateOf, type StepStateName } from '../../shared/verdict/step-state.ts';
import { stepStateText, verdictLine } from '../../shared/verdict/verdict-text.ts';
import type { VerdictName } from '../../shared/verdict/verdict.ts';
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
  /** The bottom line, first thing every report says. */
  verdict: ReportVerdict;
  totals: {
    stepsDone: number;
    stepsTotal: number;
    failing: number;
    notVerified: number;
    stale: number;
  };
  guides: ReportGuide[];
  /** What the client's integrations add after the guides (a delivery chart, a plan …). */
  sections: ReportSection[];
  appVersion: string;
}

/** A verdict as the report states it, translated. */
export interface ReportVerdict {
  name: VerdictName;
  /** "Failing — failed checks: 2", "Not verified — … (not run: 3)", "Verified — …". */
  line: string;
  /** "Steps confirmed: 5 of 7". */
  confirmed: string;
  /** How many checks were not requested (an opt-in not given), when any. */
  notRequested: string | null;
}

export interface ReportGuide {
  title: string;
  verdict: ReportVerdict;
  stepsDone: number;
  stepsTotal: number;
  steps: ReportStep[];
}

export interface ReportStepState {
  name: StepStateName;
  label: string;
  detail: string | null;
}

export interface ReportStep {
  id: string;
  title: string;
  kind: string;
  /** null when the step has nothing to confirm or verify. */
  state: ReportStepState | null;
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
  /** Something it was computed from changed since: it no longer says anything. */
  outdated: boolean;
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

function reportVerdict(verdict: ScopedVerdict, t: Translate): ReportVerdict {
  return {
    name: verdict.verdict,
    line: verdictLine(verdict, t),
    confirmed: t('checks:verdict.confirmed', {
      done: verdict.stepsConfirmed,
      total: verdict.stepsToConfirm,
    }),
    notRequested:
      verdict.notRequested > 0
        ? t('checks:verdict.notRequested', { count: verdict.notRequested })
        : null,
  };
}

export function buildReportModel(client: Client, options: ReportOptions): ReportModel {
  const { t, language } = options;
  const formatDate = dateFormatter(language);
  const standing: StandingOptions = {
    staleAfterHours: options.staleAfterHours,
    now: options.now.getTime(),
  };
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
          stale: result ? isStale(result, standing.staleAfterHours, standing.now) : false,
          outdated: result?.outdated === true,
        };
      });
      const state = stepStateOf(client, step, standing);
      return {
        id: step.id,
        title: guideText(t, guide, step.titleKey),
        kind: t(`reports:report.kinds.${step.kind}`),
        state: state ? { name: state.state, ...stepStateText(state, t) } : null,
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
    const counted = steps.filter((s) => s.state !== null);
    return {
      title: guideText(t, guide, guide.titleKey),
      verdict: reportVerdict(integrationVerdict(client, integration, standing), t),
      stepsDone: counted.filter((s) => s.state?.name === 'done').length,
      stepsTotal: counted.length,
      steps,
    };
  });
  const verdict = clientVerdict(client, standing);
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
    verdict: reportVerdict(verdict, t),
    totals: {
      stepsDone: guides.reduce((n, g) => n + g.stepsDone, 0),
      stepsTotal: guides.reduce((n, g) => n + g.stepsTotal, 0),
      failing: verdict.failing,
      notVerified: verdict.notVerified,
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
