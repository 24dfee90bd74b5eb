import { z } from 'zod';
import { defineArtifact } from '../artifacts.ts';

/** Kept with the client by `currents.delivery`; the reports draw the delivery chart from it. */
export const currentsHourlyArtifactKey = 'currents.hourly';

/**
 * FILES per hour, not events (oldest hour first). A capped hour held more files of one type than
 * the audit lists, so its count is a lower bound. Artifacts saved before the audit reported this
 * lack both `capped` and `filesPerHourLimit`.
 */
export const CurrentsHourlySchema = z.object({
  generatedAt: z.string(),
  hours: z
    .array(
      z.object({
        hour: z.string(),
        emailClick: z.number().nonnegative(),
        other: z.number().nonnegative(),
        capped: z.boolean().default(false),
      }),
    )
    .min(1)
    .max(24 * 31),
  filesPerHourLimit: z.number().int().positive().optional(),
});
export type CurrentsHourly = z.infer<typeof CurrentsHourlySchema>;

export const currentsHourlyArtifact = defineArtifact(
  currentsHourlyArtifactKey,
  CurrentsHourlySchema,
);
