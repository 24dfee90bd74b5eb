import { GetBucketLocationCommand, HeadBucketCommand } from '@aws-sdk/client-s3';
import type { CheckDefinition } from '../../../../checks/types.ts';
import { outcome } from '../../outcome.ts';
import { bucketNameProblem } from '../bucket-names.ts';
import type { JacquardS3 } from '../client.ts';
import { s3ErrorCode, s3ErrorHeader, s3Status } from '../errors.ts';
import { jacquardS3Check } from './jacquard-s3-check.ts';

type Located = { region: string } | { missing: true } | { denied: true };

/** GetBucketLocation answers from any region; an empty constraint means us-east-1 ("EU" is legacy eu-west-1). */
async function locate(s3: JacquardS3): Promise<Located> {
  const Bucket = s3.inputs.bucket;
  try {
    const out = await s3.call((c, o) => c.send(new GetBucketLocationCommand({ Bucket }), o));
    const constraint = out.LocationConstraint as string | undefined;
    return { region: !constraint ? 'us-east-1' : constraint === 'EU' ? 'eu-west-1' : constraint };
  } catch (error) {
    const code = s3ErrorCode(error);
    if (code === 'NoSuchBucket') return { missing: true };
    const redirected = s3ErrorHeader(error, 'x-amz-bucket-region');
    if (redirected) return { region: redirected };
    if (code !== 'AccessDenied') throw error;
  }
  // Without GetBucketLocation, HeadBucket still names the region (in its answer or its redirect).
  try {
    const out = await s3.call((c, o) => c.send(new HeadBucketCommand({ Bucket }), o));
    return out.BucketRegion ? { region: out.BucketRegion } : { denied: true };
  } catch (error) {
    const redirected = s3ErrorHeader(error, 'x-amz-bucket-region');
    if (redirected) return { region: redirected };
    // HEAD answers carry no body, so only the status tells what happened.
    if (s3Status(error) === 404) return { missing: true };
    if (s3Status(error) === 403) return { denied: true };
    throw error;
  }
}

export const s3BucketCheck: CheckDefinition = jacquardS3Check({
  id: 's3.bucket',
  dependsOn: ['s3.credentials'],
  async run(s3) {
    const bucket = s3.inputs.bucket;
    const problem = bucketNameProblem(bucket);
    if (problem?.kind === 'upperCase') {
      return outcome('fail', 's3.bucket.upperCase', { bucket, suggestion: problem.suggestion });
    }
    if (problem?.kind === 'invalid') return outcome('fail', 's3.bucket.invalidName', { bucket });
    const found = problem?.kind === 'nearMiss' && !problem.validName ? null : await locate(s3);
    if (found === null || 'missing' in found) {
      return problem
        ? outcome('fail', 's3.bucket.notFoundNearMiss', {
            bucket,
            suggestion: problem.suggestion,
          })
        : outcome('fail', 's3.bucket.notFound', { bucket });
    }
    if ('denied' in found) {
      return outcome('warn', 's3.bucket.regionUnknown', { bucket }, { bucket, region: null });
    }
    const details = { bucket, region: found.region };
    if (problem) {
      return outcome(
        'warn',
        's3.bucket.nearMiss',
        { bucket, suggestion: problem.suggestion },
        details,
      );
    }
    return outcome('pass', 's3.bucket.ok', { bucket, region: found.region }, details);
  },
});
