import type { CheckDefinition, CheckOutcome } from '../../checks/types.ts';
import { classifyReply } from './classify.ts';
import { brazeCheckBase, brazeKeySecret, withBraze } from './context.ts';
import { SegmentsPageSchema } from './reply-body.ts';
import { replyDetails, unexpectedReply } from './reply-outcome.ts';

/** Any authenticated, read-only call proves the key; this one is the cheapest list. */
export const keyProbe = {
  path: '/segments/list',
  query: { page: 0 },
  label: 'GET /segments/list?page=0',
  okBody: SegmentsPageSchema,
};

/**
 * `braze.api_key`: the key is accepted by the chosen instance. A 403 for a missing permission
 * still proves the key (the permission checks report it); 401 means the key OR the instance is
 * wrong, which Braze does not distinguish.
 */
export const apiKeyCheck: CheckDefinition = {
  id: 'braze.api_key',
  ...brazeCheckBase,
  run: (ctx) =>
    withBraze(ctx, async (rest, instance): Promise<CheckOutcome> => {
      const reply = await rest.get(keyProbe.path, keyProbe.query);
      const kind = classifyReply(reply, keyProbe.okBody);
      const details = { ...replyDetails(keyProbe.label, reply), instance };
      const params = { host: rest.host, instance };
      switch (kind) {
        case 'ok':
        case 'bad_request':
        case 'permission_denied':
          return { status: 'pass', messageKey: 'checks-braze:apiKey.valid', params, details };
        case 'invalid_key': {
          const key = (await ctx.secrets.get(brazeKeySecret)) ?? '';
          // Braze answers 401 to a key pasted with its quotes; say so rather than "wrong key".
          const quoted = /^\s*["'].*["']\s*$/.test(key);
          return {
            status: 'fail',
            messageKey: quoted ? 'checks-braze:apiKey.quoted' : 'checks-braze:apiKey.invalid',
            params,
            details,
          };
        }
        case 'inactive':
          return { status: 'fail', messageKey: 'checks-braze:apiKey.inactive', params, details };
        case 'forbidden_other':
          return {
            status: 'inconclusive',
            messageKey: 'checks-braze:apiKey.forbidden',
            params,
            details,
          };
        case 'not_found':
          return {
            status: 'fail',
            messageKey: 'checks-braze:apiKey.wrongEndpoint',
            params,
            details,
          };
        default:
          return unexpectedReply(kind, reply, rest.host, keyProbe.label);
      }
    }),
};
