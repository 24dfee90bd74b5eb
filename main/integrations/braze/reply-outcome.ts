import type { CheckOutcome } from '../../checks/types.ts';
import { classifyReply, shownMessage, type ReplyKind } from './classify.ts';
import type { BrazeReply } from './rest-client.ts';

/** What every probe reports alongside its verdict: never the key, only the request's shape and Braze's answer. */
export const replyDetails = (
  endpoint: string,
  reply: BrazeReply,
): Record<string, string | number> => ({
  endpoint,
  httpStatus: reply.status,
  brazeMessage: shownMessage(reply),
  ...(reply.message === null ? { bodyExcerpt: reply.excerpt } : {}),
  attempts: reply.attempts,
});

/**
 * The outcome of a reply a probe did not expect: inconclusive, naming the cause when Braze
 * documents it. `braze.api_key` turns the key-related kinds into failures itself.
 */
export function unexpectedReply(
  kind: ReplyKind,
  reply: BrazeReply,
  host: string,
  endpoint: string,
): CheckOutcome {
  const details = replyDetails(endpoint, reply);
  const base = { status: 'inconclusive' as const, details };
  // Every inconclusive message shows what Braze answered, so the CSM can act on it or pass it on.
  const answer = { host, status: reply.status, message: shownMessage(reply) || '—' };
  switch (kind) {
    case 'invalid_key':
      return { ...base, messageKey: 'checks-braze:reply.keyRejected', params: answer };
    case 'inactive':
      return { ...base, messageKey: 'checks-braze:reply.inactive', params: answer };
    case 'rate_limited':
      return { ...base, messageKey: 'checks-braze:reply.rateLimited', params: answer };
    case 'server_error':
      return {
        ...base,
        messageKey: 'checks-braze:reply.serverError',
        params: { host, status: reply.status },
      };
    case 'not_found':
      return { ...base, messageKey: 'checks-braze:reply.notFound', params: answer };
    case 'not_braze':
      return {
        ...base,
        messageKey: 'checks-braze:reply.notBraze',
        params: { host, status: reply.status, excerpt: reply.excerpt || '—' },
      };
    default:
      return {
        ...base,
        messageKey: 'checks-braze:reply.unexpected',
        params: { status: reply.status, message: shownMessage(reply) || '—' },
      };
  }
}

export { classifyReply };
