import type { i18n as I18n } from 'i18next';
import { shareableResult } from '../../../shared/checks/shareable-result.ts';
import type { CheckResult, CheckStatus } from '../../../shared/types/checks.ts';
import type { Client } from '../../../shared/types/client.ts';

/** The `--json` document: stable keys, English messages, never a secret nor an app-only note. */
export function jsonReport(
  client: Client,
  source: 'file' | 'saved',
  results: CheckResult[],
  en: I18n,
): string {
  return `${JSON.stringify(
    {
      client: { name: client.name, integrations: client.integrations, source },
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
  )}\n`;
}

const colours: Record<CheckStatus, number> = {
  pass: 32,
  warn: 33,
  fail: 31,
  inconclusive: 35,
  skipped: 90,
};

export interface Painter {
  status(status: CheckStatus, text: string): string;
}

/** Colour only on a terminal, and never when NO_COLOR is set (https://no-color.org). */
export const painter = (isTTY: boolean | undefined, env: NodeJS.ProcessEnv): Painter => {
  const on = isTTY === true && (env.NO_COLOR ?? '') === '';
  return { status: (status, text) => (on ? `\u001b[${colours[status]}m${text}\u001b[0m` : text) };
};

/** Human-readable report in the chosen language: one block per check, then the tally. */
export function textReport(
  client: Client,
  results: CheckResult[],
  t: I18n['t'],
  paint: Painter,
): string {
  const width = Math.max(...results.map((r) => t(`checks:status.${r.status}`).length), 0);
  const lines = [`${client.name}`, ''];
  for (const r of results) {
    const status = t(`checks:status.${r.status}`).padEnd(width);
    lines.push(`${paint.status(r.status, status)}  ${t(`checks:name.${r.id}`)} (${r.id})`);
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
  );
  return lines.join('\n');
}

/** The per-check progress line written to stderr on a terminal. */
export function progressLine(
  done: number,
  total: number,
  result: CheckResult,
  t: I18n['t'],
  paint: Painter,
): string {
  const status = paint.status(result.status, t(`checks:status.${result.status}`));
  return `[${done}/${total}] ${status} ${result.id} (${result.durationMs} ms)\n`;
}
