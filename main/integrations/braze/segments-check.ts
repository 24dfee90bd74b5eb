import {
  brazeSegmentsArtifact,
  type BrazeSegmentsArtifact,
} from '../../../shared/integrations/braze/segments-artifact.ts';
import type { CheckDefinition, CheckOutcome } from '../../checks/types.ts';
import { classifyReply } from './classify.ts';
import { brazeCheckBase, withBraze } from './context.ts';
import { SegmentsPageSchema } from './reply-body.ts';
import { replyDetails, unexpectedReply } from './reply-outcome.ts';
import { listAllSegments } from './segment-list.ts';

/**
 * `braze.segments`: lists every segment and keeps id + name with the client for the ODP segment
 * picker. An empty list is a warning: ODP's "Segments to Sync" would have nothing to offer.
 */
export const segmentsCheck: CheckDefinition = {
  id: 'braze.segments',
  ...brazeCheckBase,
  run: (ctx) =>
    withBraze(ctx, async (rest, instance): Promise<CheckOutcome> => {
      const listing = await listAllSegments(rest, {
        onProgress: (count) => ctx.progress(count, null),
      });
      if (!listing.ok) {
        const label = `GET /segments/list?page=${listing.page}`;
        const kind = classifyReply(listing.reply, SegmentsPageSchema);
        if (kind === 'permission_denied') {
          return {
            status: 'fail',
            messageKey: 'checks-braze:segments.denied',
            params: { permission: 'segments.list' },
            details: replyDetails(label, listing.reply),
          };
        }
        return unexpectedReply(kind, listing.reply, rest.host, label);
      }
      const artifact: BrazeSegmentsArtifact = {
        fetchedAt: new Date().toISOString(),
        instance,
        segments: listing.segments,
      };
      ctx.saveArtifact(brazeSegmentsArtifact, artifact);
      const count = listing.segments.length;
      const details = { count, pages: listing.pages };
      if (listing.truncated) {
        return {
          status: 'warn',
          messageKey: 'checks-braze:segments.truncated',
          params: { count },
          details,
        };
      }
      if (count === 0)
        return { status: 'warn', messageKey: 'checks-braze:segments.none', params: {}, details };
      return {
        status: 'pass',
        messageKey: 'checks-braze:segments.listed',
        params: { count },
        details,
      };
    }),
};
