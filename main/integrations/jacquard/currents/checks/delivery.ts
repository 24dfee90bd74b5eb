import { currentsHourlyArtifact } from '../../../../../shared/integrations/jacquard/currents-hourly.ts';
import type { JsonValue } from '../../../../../shared/types/checks.ts';
import type { CheckDefinition } from '../../../../checks/types.ts';
import { outcome } from '../../outcome.ts';
import { jacquardS3Check } from '../../s3/checks/jacquard-s3-check.ts';
import { s3ErrorCode } from '../../s3/errors.ts';
import { auditCurrents, SAMPLE_BYTES, SAMPLE_EVENTS } from '../audit.ts';
import { MAX_FILES_PER_HOUR } from '../discover.ts';

/** Email Click files older than this suggest the Current stopped (or no email was clicked for a day). */
export const STALE_AFTER_HOURS = 24;

export const currentsDeliveryCheck: CheckDefinition = jacquardS3Check({
  id: 'currents.delivery',
  inputs: ['jacquard.s3Folder'],
  dependsOn: ['s3.bucket'],
  async run(s3, ctx) {
    let audit;
    try {
      audit = await auditCurrents(s3, ctx);
    } catch (error) {
      // Only a listing can be refused here: a refused file read ends the sample, not the audit.
      if (s3ErrorCode(error) === 'AccessDenied') {
        return outcome('fail', 'currents.cannotList', { folder: s3.inputs.folder });
      }
      throw error;
    }
    const { summary, hourly } = audit;
    ctx.saveArtifact(currentsHourlyArtifact, hourly);
    const details = { audit: summary as unknown as JsonValue };
    const folder = summary.folder;
    if (summary.newestEmailClickHour === null) {
      return summary.types.length === 0
        ? outcome('warn', 'currents.delivery.none', { folder }, details)
        : outcome(
            'warn',
            'currents.delivery.noEmailClick',
            { folder, types: summary.types.length },
            details,
          );
    }
    const params = { hour: summary.newestEmailClickHour, hours: summary.emailClickAgeHours ?? 0 };
    if ((summary.emailClickAgeHours ?? 0) > STALE_AFTER_HOURS) {
      return outcome(
        'warn',
        'currents.delivery.stale',
        { ...params, limit: STALE_AFTER_HOURS },
        details,
      );
    }
    const unreadable = summary.sample?.unreadable ?? 0;
    if (unreadable > 0) {
      const sampled = unreadable + (summary.sample?.files ?? 0);
      // The first refused file is named with the reason; details list them all.
      const refused = summary.sample?.refused[0];
      return refused
        ? outcome(
            'warn',
            'currents.delivery.refused',
            {
              ...refused.params,
              ...params,
              unreadable,
              sampled,
              file: refused.key,
              problem: refused.problem,
            },
            details,
          )
        : outcome(
            'warn',
            'currents.delivery.unreadable',
            { ...params, unreadable, sampled },
            details,
          );
    }
    // A clean delivery still says where the audit read less than there is, so no one trusts a
    // figure that stops at a limit.
    const cappedHours = [...new Set(summary.types.flatMap((t) => t.cappedHours))].sort();
    if (cappedHours.length > 0) {
      return outcome(
        'pass',
        'currents.delivery.okCapped',
        { ...params, limit: MAX_FILES_PER_HOUR, cappedHours: cappedHours.join(', ') },
        details,
      );
    }
    if (summary.sample?.truncated) {
      return outcome(
        'pass',
        'currents.delivery.okSampleLimit',
        { ...params, events: SAMPLE_EVENTS, megabytes: SAMPLE_BYTES / 1024 / 1024 },
        details,
      );
    }
    return outcome('pass', 'currents.delivery.ok', params, details);
  },
});
