import type { z } from 'zod';
import { BrazeMessageBodySchema } from './reply-body.ts';
import type { BrazeReply } from './rest-client.ts';

/**
 * What a Braze reply means for a probe, from the documented fatal errors (braze.md §1):
 * 401 "Invalid API key." (also a wrong instance), 403 "The rate plan doesn't support…" (inactive
 * account), 403 "Access Denied … does not have sufficient permissions", 404 "Invalid URL.".
 * `not_braze`: the body is not Braze's JSON, so whatever sent it (a captive portal, a proxy, a
 * server cut off mid-answer) says nothing about the key or its permissions.
 */
export type ReplyKind =
  | 'ok'
  | 'bad_request'
  | 'invalid_key'
  | 'inactive'
  | 'permission_denied'
  | 'forbidden_other'
  | 'not_found'
  | 'rate_limited'
  | 'server_error'
  | 'not_braze'
  | 'other';

/**
 * `okBody` is what a success from this endpoint must look like; by default any Braze-shaped body.
 * 429 and 5xx are read from the status alone: they only ever make a probe inconclusive, and the
 * HttpClient already retried them by status.
 */
export function classifyReply(
  reply: BrazeReply,
  okBody: z.ZodType = BrazeMessageBodySchema,
): ReplyKind {
  const { status, message } = reply;
  if (status === 429) return 'rate_limited';
  if (status >= 500) return 'server_error';
  if (status >= 200 && status < 300)
    return okBody.safeParse(reply.body).success ? 'ok' : 'not_braze';
  if (message === null) return 'not_braze';
  if (status === 400) return 'bad_request';
  if (status === 401) return 'invalid_key';
  if (status === 403) {
    if (/rate plan|inactivated/i.test(message)) return 'inactive';
    if (/access denied|sufficient permissions/i.test(message)) return 'permission_denied';
    // Undocumented 403s (an IP allowlist is the likely cause) are not read as a missing permission.
    return 'forbidden_other';
  }
  if (status === 404) return 'not_found';
  return 'other';
}

/** Braze's own words, short enough for a message parameter. */
export const shownMessage = (reply: BrazeReply): string => (reply.message ?? '').slice(0, 300);
