import { z } from 'zod';
import { CheckResultSchema } from '../types/checks.ts';
import { ConfirmationSchema } from '../types/client.ts';
import { ClientIdSchema, IsoDateSchema, ItemIdSchema } from '../types/ids.ts';
import { bundleLimits } from './limits.ts';

const bounded = <T extends z.ZodType>(record: z.ZodRecord<typeof ItemIdSchema, T>) =>
  record.refine((value) => Object.keys(value).length <= bundleLimits.maxRecords, {
    message: `at most ${bundleLimits.maxRecords} entries`,
  });

/**
 * What an exported bundle adds to a client file: the review state of the client (who confirmed
 * what, the last check results) and the checksum that shows the file arrived whole (a plain
 * SHA-256 anyone can recompute: it catches damage, not a deliberate edit). All optional, so a
 * client file written by hand stays valid.
 */
export const bundleFields = {
  id: ClientIdSchema.meta({
    description: 'Id of the exported client, so importing it back finds the original.',
  }).optional(),
  exportedAt: IsoDateSchema.meta({ description: 'When the bundle was exported.' }).optional(),
  confirmations: bounded(z.record(ItemIdSchema, ConfirmationSchema.strict()))
    .meta({ description: 'Manual confirmations by id: who ticked them, when, and the note.' })
    .optional(),
  // App-only notes are never exported (shared/checks/shareable-result.ts), so none comes back.
  checkResults: bounded(
    z.record(ItemIdSchema, CheckResultSchema.omit({ appOnlyNote: true }).strict()),
  )
    .meta({ description: 'The last result of each automated check.' })
    .optional(),
  checksum: z
    .string()
    .regex(/^sha256:[0-9a-f]{64}$/)
    .meta({
      description:
        'sha256: and the hex SHA-256 of the canonical JSON of every other field (keys sorted, no spaces).',
    })
    .optional(),
};
