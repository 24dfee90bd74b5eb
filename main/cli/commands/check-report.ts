import type { i18n as I18n } from 'i18next';
import { shareableResult } from '../../../shared/checks/shareable-result.ts';
import type { CheckResult, CheckStatus } from '../../../shared/types/checks.ts';
import type { Client } from '../../../shared/types/client.ts';
import { verdictLine, type Say } from '../../../shared/verdict/verdict-text.ts';
import type { Verdict, VerdictName } from '../../../shared/verdict/verdict.ts';
import type { RunVerdict } from '../../checks/run-verdict.ts';
import type { RateLimitWait } from '../../net/types.ts';
import { linesOf, type Painted, type TerminalLine } from '../terminal.ts';

/** What a report of one run is made of. */
export interface RunReport {
  client: Client;
  results: readonly CheckResult[];
  verdict: RunVerdict;
}

/** Each integration's verdict, for the integrations the run covered. */
const integrationVerdicts = (verdict: RunVerdict): [string, Verdict][] =>
  Object.entries(verdict.byIntegration).flatMap(([id, v]) => (v ? [[id, v]] : []));

const verdictJson = (verdict: Verdict, say: Say) => ({
  verdict: verdict.verdict,
  message: verdictLine(verdict, say),
  passing: verdict.passing,
  failing: verdict.failing,
  notVerified: verdict.notVerified,
  notRequested: verdict.notRequested,
  reasons: verdict.reasons,
});

/**
 * The `--json` document, line by line: stable keys, English messages, never a secret nor an
 * app-only note. `verdict` is the exit status in words; `integrations` holds each integration's
 * own verdict over its guide's checks.
 */
export function jsonReport(report: RunReport, source: 'file' | 'saved', en: I18n): string[] {
  const { client, results, verdict } = report;
  const say: Say = (key, params) => en.t(key, params ?? {});
  const { verdict: overall, ...summary } = verdictJson(verdict.overall, say);
  const document = JSON.stringify(
    {
      client: { name: client.name, integrations: client.integrations, source },
      verdict: overall,
      summary,
      integrations: Object.fromEntries(
        integrationVerdicts(verdict).map(([id, v]) => [id, verdictJson(v, say)]),
      ),
      notRequested: verdict.optInsNotGiven,
      checks: results.map(shareableResult).map((r) => ({
        id: r.id,
        status: r.status,
        message: en.t(r.messageKey, r.params),
        details: r.details ?? null,
        durationMs: r.durationMs,
      })),
    },
    null,
    2,
  );
  return linesOf(document);
}

const colours: Record<CheckStatus, number> = {
  pass: 32,
  warn: 33,
  fail: 31,
  inconclusive: 35,
  skipped: 90,
};

const verdictColours: Record<VerdictName, number> = {
  verified: 32,
  failing: 31,
  'not-verified': 33,
};

/** A status word in its colour (shown only where the output allows colour). */
const painted = (status: CheckStatus, text: string): Painted => ({ sgr: colours[status], text });

/**
 * Human-readable report in the chosen language: one block per check, the tally, then the verdict
 * (overall and per integration) and what was not requested.
 */
export function textReport(report: RunReport, t: I18n['t']): TerminalLine[] {
  const { client, results, verdict } = report;
  const say: Say = (key, params) => t(key, params ?? {});
  const verdictText = (v: Verdict): Painted => ({
    sgr: verdictColours[v.verdict],
    text: verdictLine(v, say),
  });
  const width = Math.max(...results.map((r) => t(`checks:status.${r.status}`).length), 0);
  const lines: TerminalLine[] = [client.name, ''];
  for (const r of results) {
    const status = t(`checks:status.${r.status}`).padEnd(width);
    lines.push([painted(r.status, status), `  ${t(`checks:name.${r.id}`)} (${r.id})`]);
    lines.push(`${' '.repeat(width)}  ${t(r.messageKey, r.params)}`);
  }
  const count = (status: CheckStatus): number => results.filter((r) => r.status === status).length;
  lines.push(
    '',
    t('checks:summary', {
      pass: count('pass'),
      warn: count('warn'),
      fail: count('fail'),
      inconclusive: count('inconclusive'),
      skipped: count('skipped'),
    }),
    '',
    [verdictText(verdict.overall)],
  );
  for (const [id, v] of integrationVerdicts(verdict)) {
    lines.push([`  ${t(`app:integrations.${id}`)}: `, verdictText(v)]);
  }
  for (const optIn of verdict.optInsNotGiven) {
    lines.push(
      t('cli:check.notRequested', {
        what: t(`checks:optIn.${optIn}`, { defaultValue: optIn }),
        optIn,
      }),
    );
  }
  return lines;
}

/**
 * The line that says a check is waiting for a host's rate limit, written to stderr on a terminal:
 * once per check and reset, however many of its requests wait for the same one.
 */
export function rateLimitWaitLines(now: () => number = Date.now) {
  const announced = new Set<string>();
  return {
    line(checkId: string, wait: RateLimitWait, t: I18n['t']): TerminalLine | null {
      const seconds = Math.max(1, Math.ceil(wait.waitMs / 1000));
      const key = `${checkId} ${wait.host} ${Math.round((now() + wait.waitMs) / 1000)}`;
      if (announced.has(key)) return null;
      announced.add(key);
      return `      ${checkId}: ${t('checks:progress.rateLimitWait', { host: wait.host, seconds })}`;
    },
  };
}

/** The per-check progress line written to stderr on a terminal. */
export function progressLine(
  done: number,
  total: number,
  result: CheckResult,
  t: I18n['t'],
): TerminalLine {
  return [
    `[${done}/${total}] `,
    painted(result.status, t(`checks:status.${result.status}`)),
    ` ${result.id} (${result.durationMs} ms)`,
  ];
}
