import { AppError } from '../../shared/errors.ts';
import { isNetError, type NetErrorKind } from '../net/errors.ts';
import type { HostChange } from '../../shared/secret-hosts/pending.ts';
import { UnconfirmedHostError } from '../secret-hosts/guard.ts';
import type { CheckOutcome } from './types.ts';

/**
 * Engine-level outcomes (namespace `checks`), shared by every domain so a timeout or a refused
 * URL reads the same whichever service it came from.
 */
const netKeys: Record<NetErrorKind, string> = {
  timeout: 'checks:error.timeout',
  network: 'checks:error.network',
  tls: 'checks:error.tls',
  offline: 'checks:error.offline',
  insecure_url: 'checks:error.insecureUrl',
  invalid_url: 'checks:error.invalidUrl',
  body_too_large: 'checks:error.bodyTooLarge',
  rate_limited: 'checks:error.rateLimited',
  cancelled: 'checks:skip.cancelled',
};

/** Maps anything a check threw to an outcome; the message never includes request bodies or headers. */
export function outcomeForError(error: unknown): CheckOutcome {
  if (error instanceof UnconfirmedHostError) return unconfirmedHostOutcome(error.change);
  if (isNetError(error)) {
    // No network at all says nothing about the setup: skipped, like a run the app knew was offline.
    const status =
      error.kind === 'cancelled' || error.kind === 'offline'
        ? 'skipped'
        : error.kind === 'insecure_url' || error.kind === 'invalid_url'
          ? 'fail'
          : 'inconclusive';
    return {
      status,
      messageKey: netKeys[error.kind],
      params: {
        host: error.host,
        code: error.message,
        ...(error.waitMs === null ? {} : { seconds: Math.ceil(error.waitMs / 1000) }),
      },
      details: { error: error.kind, host: error.host, attempts: error.attempts },
    };
  }
  if (error instanceof AppError) {
    return {
      status: 'inconclusive',
      messageKey: 'checks:error.app',
      params: { message: error.message },
      details: { error: error.code },
    };
  }
  const message = error instanceof Error ? error.message : String(error);
  return {
    status: 'inconclusive',
    messageKey: 'checks:error.unexpected',
    params: { message },
    details: { error: 'unexpected' },
  };
}

export const skipped = (reason: string, params: Record<string, string> = {}): CheckOutcome => ({
  status: 'skipped',
  messageKey: `checks:skip.${reason}`,
  params,
  details: { skipReason: reason, ...params },
});

/**
 * Not run: the secret is held back until the CSM confirms the host its client now sends it to.
 * Nothing was validated, so the check is skipped (and its earlier verdict, about the old host, goes).
 */
export function unconfirmedHostOutcome(change: HostChange): CheckOutcome {
  const { secret, requested: host, confirmed } = change;
  return confirmed === null
    ? skipped('unconfirmedFirstHost', { secret, host })
    : skipped('unconfirmedHost', { secret, host, confirmed });
}

/** Why a result says nothing about the client's setup, if it is such a result: no network or a cancel. */
export function reasonNotReached(messageKey: string): 'offline' | 'cancelled' | null {
  if (messageKey === 'checks:skip.offline' || messageKey === 'checks:error.offline')
    return 'offline';
  return messageKey === 'checks:skip.cancelled' ? 'cancelled' : null;
}
