import type { CheckDefinition, CheckOutcome } from '../../../../checks/types.ts';
import { dependencyDetails, outcome } from '../../outcome.ts';
import { auditFrom, type AuditSummary } from '../audit.ts';
import type { SampleStats } from '../sample.ts';

/**
 * A Currents check that judges, offline, the audit `currents.delivery` read and stored in its
 * result; `audit` is null when there is none to read.
 */
export function currentsAuditCheck(
  id: string,
  judge: (audit: AuditSummary | null) => CheckOutcome,
): CheckDefinition {
  return {
    id,
    requires: { network: false },
    dependsOn: ['currents.delivery'],
    run: (ctx) =>
      Promise.resolve(judge(auditFrom(dependencyDetails(ctx.dependencies, 'currents.delivery')))),
  };
}

/**
 * A Currents check that judges the sampled events; without any it answers `noSampleKey`. When S3
 * refused to hand over files (no s3:GetObject) it answers `<id>.readDenied`, unless what it could
 * read already fails: a part of the files cannot show that the rest is fine.
 */
export function currentsSampleCheck(
  id: string,
  noSampleKey: string,
  judge: (sample: SampleStats) => CheckOutcome,
): CheckDefinition {
  return currentsAuditCheck(id, (audit) => {
    const sample = audit?.sample;
    const denied = sample?.readDenied
      ? outcome('inconclusive', `${id}.readDenied`, { folder: audit?.folder ?? '' })
      : null;
    if (!sample || sample.events === 0) return denied ?? outcome('inconclusive', noSampleKey);
    const judged = judge(sample);
    return denied && judged.status !== 'fail' ? denied : judged;
  });
}
