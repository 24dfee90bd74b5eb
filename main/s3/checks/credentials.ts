import { GetBucketLocationCommand } from '@aws-sdk/client-s3';
import type { CheckDefinition, CheckOutcome } from '../../checks/types.ts';
import { outcome } from '../../jacquard/outcome.ts';
import { withJacquardS3 } from '../client.ts';
import { s3ErrorCode, s3Status } from '../errors.ts';
import { s3Host } from '../inputs.ts';

/** Beyond this the SDK has to correct every request; AWS itself refuses 15 minutes. */
const SKEW_WARN_MS = 5 * 60 * 1000;

/** S3 answers that prove the keys were not accepted, each with its own plain message. */
const rejected: Record<string, string> = {
  InvalidAccessKeyId: 's3.credentials.unknownKey',
  SignatureDoesNotMatch: 's3.credentials.wrongSecret',
  ExpiredToken: 's3.credentials.expiredToken',
  TokenRefreshRequired: 's3.credentials.expiredToken',
  InvalidToken: 's3.credentials.invalidToken',
  RequestTimeTooSkewed: 's3.credentials.clockRejected',
};

export const s3CredentialsCheck: CheckDefinition = {
  id: 's3.credentials',
  domain: 'jacquard',
  requires: { secrets: ['jacquard.awsAccessKeyId', 'jacquard.awsSecretAccessKey'], network: true },
  host: s3Host,
  async run(ctx): Promise<CheckOutcome> {
    const keyId = (await ctx.secrets.get('jacquard.awsAccessKeyId')) ?? '';
    if (/\s/.test(keyId.trim()) || !/^[A-Z0-9]{16,128}$/.test(keyId.trim())) {
      return outcome('fail', 's3.credentials.keyIdShape');
    }
    return withJacquardS3(ctx, 'us-east-1', async (s3) => {
      let code: string | null = null;
      let status: number | null = null;
      try {
        // Any answer past authentication (even AccessDenied or NoSuchBucket) proves the keys work.
        await s3.call((c, o) =>
          c.send(new GetBucketLocationCommand({ Bucket: s3.inputs.bucket }), o),
        );
      } catch (error) {
        code = s3ErrorCode(error);
        status = s3Status(error);
        if (code === null) throw error;
      }
      const skewMinutes = Math.round((s3.clockOffsetMs() ?? 0) / 60_000);
      const details = { answer: code ?? 'OK', clockOffsetMinutes: skewMinutes };
      const rejection = code ? rejected[code] : undefined;
      if (rejection) return outcome('fail', rejection, { minutes: Math.abs(skewMinutes) }, details);
      if (status !== null && status >= 500) {
        return outcome('inconclusive', 's3.serverError', { code: code ?? String(status) }, details);
      }
      if (Math.abs(s3.clockOffsetMs() ?? 0) > SKEW_WARN_MS) {
        return outcome(
          'warn',
          's3.credentials.clockSkew',
          { minutes: Math.abs(skewMinutes) },
          details,
        );
      }
      if (keyId.startsWith('ASIA'))
        return outcome('warn', 's3.credentials.temporaryKey', {}, details);
      return outcome('pass', 's3.credentials.ok', {}, details);
    });
  },
};
