import type { JsonValue } from '../../../../shared/types/checks.ts';
import type { CheckContext } from '../../../checks/types.ts';
import type { JacquardS3 } from '../s3/client.ts';
import { discover, MAX_FILES_PER_HOUR } from './discover.ts';
import { EMAIL_CLICK, hourStart, lastHours } from './keys.ts';
import { sampleEvents, type SampleStats } from './sample.ts';

export const WINDOW_HOURS = 48;
const SAMPLE_FILES = 24;
export const SAMPLE_EVENTS = 50_000;
/**
 * Bytes the sample may handle (received, plus produced by a codec): about four times what 50,000
 * Email Click events take, so that files of few, huge events cannot cost more than the events do.
 */
export const SAMPLE_BYTES = 128 * 1024 * 1024;

export interface TypeSummary {
  type: string;
  newestHour: string | null;
  /** Hours with files, over the whole history. */
  hours: number;
  filesInWindow: number;
  /** Hours in the window holding more files than were counted (`MAX_FILES_PER_HOUR`). */
  cappedHours: string[];
}

export interface AuditSummary {
  folder: string;
  integrations: string[];
  types: TypeSummary[];
  newestEmailClickHour: string | null;
  /** Hours since the end of the newest Email Click hour. */
  emailClickAgeHours: number | null;
  sample: SampleStats | null;
  /** False when a listing was cut short by its page limit. */
  complete: boolean;
  requests: number;
}

export interface HourlySeries {
  generatedAt: string;
  /** Oldest first, one entry per hour of the window (UTC), zeros included. */
  hours: Array<{ hour: string; emailClick: number; other: number; capped: boolean }>;
  filesPerHourLimit: number;
}

/** Everything the Currents checks judge, read once (by `currents.delivery`) and passed on. */
export async function auditCurrents(
  s3: JacquardS3,
  ctx: Pick<CheckContext, 'signal' | 'progress' | 'now'>,
): Promise<{ summary: AuditSummary; hourly: HourlySeries }> {
  const now = ctx.now().getTime();
  const hours = lastHours(now, WINDOW_HOURS);
  const found = await discover(s3, {
    folder: s3.inputs.folder,
    windowStart: hourStart(hours[0]!),
    sampleFiles: SAMPLE_FILES,
    signal: ctx.signal,
    progress: (done, total, label) => ctx.progress(done, total, label),
  });
  const sample =
    found.sampleCandidates.length === 0
      ? null
      : await sampleEvents(s3, found.sampleCandidates, {
          maxEvents: SAMPLE_EVENTS,
          maxBytes: SAMPLE_BYTES,
          signal: ctx.signal,
          progress: (done, total, label) => ctx.progress(done, total, label),
        });

  const perHour = new Map(
    hours.map((h) => [h, { hour: h, emailClick: 0, other: 0, capped: false }]),
  );
  for (const t of found.types) {
    for (const h of t.window) {
      const slot = perHour.get(h.hour);
      if (!slot) continue;
      if (t.type === EMAIL_CLICK) slot.emailClick += h.files;
      else slot.other += h.files;
      slot.capped ||= !h.complete;
    }
  }
  const click = found.types.find((t) => t.type === EMAIL_CLICK);
  const newest = click?.hours[0] ?? null;
  return {
    summary: {
      folder: s3.inputs.folder,
      integrations: found.integrations,
      types: found.types.map((t) => ({
        type: t.type,
        newestHour: t.hours[0] ?? null,
        hours: t.hours.length,
        filesInWindow: t.window.reduce((n, h) => n + h.files, 0),
        cappedHours: t.window.filter((h) => !h.complete).map((h) => h.hour),
      })),
      newestEmailClickHour: newest,
      emailClickAgeHours:
        newest === null
          ? null
          : Math.max(0, Math.floor((now - hourStart(newest) - 3_600_000) / 3_600_000)),
      sample,
      complete: found.complete,
      requests: s3.calls(),
    },
    hourly: {
      generatedAt: new Date(now).toISOString(),
      hours: [...perHour.values()],
      filesPerHourLimit: MAX_FILES_PER_HOUR,
    },
  };
}

/** The audit as `currents.delivery` stored it in its result, for the checks that depend on it. */
export function auditFrom(details: Record<string, JsonValue> | null): AuditSummary | null {
  const audit = details?.audit;
  return audit && typeof audit === 'object' && !Array.isArray(audit)
    ? (audit as unknown as AuditSummary)
    : null;
}
