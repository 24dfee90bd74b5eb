import type { CheckContext, CheckDefinition, CheckOutcome } from '../../../../checks/types.ts';
import { bucketRegion, withJacquardS3, type JacquardS3 } from '../client.ts';
import { s3Host } from '../inputs.ts';

export interface JacquardS3CheckSpec {
  id: string;
  /** Input ids that must be recorded, beyond the AWS keys. */
  inputs?: readonly string[];
  dependsOn: readonly string[];
  run(s3: JacquardS3, ctx: CheckContext): Promise<CheckOutcome>;
}

/**
 * A Jacquard check that reads the bucket with the CSM's AWS keys. The client addresses the region
 * `s3.bucket` found; before that check has run (for `s3.bucket` itself) it is us-east-1.
 */
export function jacquardS3Check(spec: JacquardS3CheckSpec): CheckDefinition {
  return {
    id: spec.id,
    requires: {
      secrets: ['jacquard.awsAccessKeyId', 'jacquard.awsSecretAccessKey'],
      ...(spec.inputs ? { inputs: spec.inputs } : {}),
      network: true,
    },
    dependsOn: spec.dependsOn,
    host: s3Host,
    run: (ctx) => withJacquardS3(ctx, bucketRegion(ctx), (s3) => spec.run(s3, ctx)),
  };
}
