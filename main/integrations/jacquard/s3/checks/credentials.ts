import { GetBucketLocationCommand } from '@aws-sdk/client-s3';
import type { CheckDefinition, CheckOutcome } from '../../../../checks/types.ts';
import { outcome } from '../../outcome.ts';
import { withJacquardS3 } from '../client.ts';
import { s3ErrorCode, s3Status } from '../errors.ts';
import { s3Host } from '../inputs.ts';

/** Beyond this the SDK has to correct every request; AWS itself refuses 15 minutes. */
const SKEW_WARN_MS = 5 * 60 * 1000;

/**
 * S3 answers that prove the keys were not accepted, each with its own plain message. Braze sends
 * no session token, but keys issued for a temporary session still get S3's token answers, so
 * those are told apart too rather than read as "accepted".
 */
const rejected: Record<string, string> = {
  InvalidAccessKeyId: 's3.credentials.unknownKey',
  SignatureDoesNotMatch: 's3.credentials.wrongSecret',
  RequestTimeTooSkewed: 's3.credentials.clockRejected',
  ExpiredToken: 's3.credentials.expiredToken',
  TokenRefreshRequired: 's3.credentials.expiredToken',
  InvalidToken: 's3.credentials.invalidToken',
  AllAccessDisabled: 's3.credentials.accountBlocked',
  AccountProblem: 's3.credentials.accountBlocked',
};

/**
 * Answers S3 gives only once it has accepted the keys: they are about the bucket (someone else's,
 * missing, in another region), which `s3.bucket` judges.
 */
const acceptedAnswers = new Set(['AccessDenied', 'NoSuchBucket', 'PermanentRedirect']);

function rejection(code: string | null, keyId: string): string | undefined {
  if (code === null) return undefined;
  // S3 only knows a temporary (ASIA…) key together with its session token, so without one it
  // answers as if the key did not exist; the real fix is a long-lived AKIA key from Jacquard.
  if (code === 'InvalidAccessKeyId' && keyId.startsWith('ASIA'))
    return 's3.credentials.temporaryKey';
  return rejected[code];
}

export const s3CredentialsCheck: CheckDefinition = {
  id: 's3.credentials',
  requires: { secrets: ['jacquard.awsAccessKeyId', 'jacquard.awsSecretAccessKey'], network: true },
  host: s3Host,
  async run(ctx): Promise<CheckOutcome> {
    const keyId = ((await ctx.secrets.get('jacquard.awsAccessKeyId')) ?? '').trim();
    if (!/^[A-Z0-9]{16,128}$/.test(keyId)) {
      return outcome('fail', 's3.credentials.keyIdShape');
    }
    return withJacquardS3(ctx, 'us-east-1', async (s3) => {
      let code: string | null = null;
      let status: number | null = null;
      try {
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
      const rejectedAs = rejection(code, keyId);
      if (rejectedAs) return outcome('fail', rejectedAs, { code: code ?? '' }, details);
      if (status !== null && status >= 500) {
        return outcome('inconclusive', 's3.serverError', { code: code ?? String(status) }, details);
      }
      // Any other refusal may hide a problem with the keys: it is shown, never taken as a pass.
      if (code !== null && !acceptedAnswers.has(code)) {
        return outcome(
          'inconclusive',
          's3.credentials.unexpectedAnswer',
          { code, status: status ?? 0 },
          details,
        );
      }
      if (Math.abs(s3.clockOffsetMs() ?? 0) > SKEW_WARN_MS) {
        return outcome(
          'warn',
          's3.credentials.clockSkew',
          { minutes: Math.abs(skewMinutes) },
          details,
        );
      }
      return outcome('pass', 's3.credentials.ok', {}, details);
    });
  },
};
