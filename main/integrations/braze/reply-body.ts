import { z } from 'zod';

/**
 * What a Braze answer looks like (braze.md §1): a JSON object whose `message` is a string, for
 * successes ("success") and fatal errors alike. Anything else (a captive portal's HTML, a proxy's
 * error page, truncated JSON) did not come from Braze, so no verdict may be read from it.
 */
export const BrazeMessageBodySchema = z.object({ message: z.string() });

/** One page of `GET /segments/list` (braze.md §3); an item without a string id is not Braze's. */
export const SegmentsPageSchema = z.object({
  segments: z.array(z.object({ id: z.string().min(1), name: z.string().nullish() })),
});
