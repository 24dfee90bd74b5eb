import { z } from 'zod';
import { IsoDateSchema } from '../../types/ids.ts';
import { defineArtifact } from '../artifacts.ts';

/** Kept with the client by `braze.segments`; the ODP segment picker reads it (also offline). */
export const brazeSegmentsArtifactKey = 'braze.segments';

export const BrazeSegmentsArtifactSchema = z.object({
  fetchedAt: IsoDateSchema,
  /** Instance id (`US-03` …) or `custom`. */
  instance: z.string(),
  segments: z.array(z.object({ id: z.string(), name: z.string() })),
});
export type BrazeSegmentsArtifact = z.infer<typeof BrazeSegmentsArtifactSchema>;

export const brazeSegmentsArtifact = defineArtifact(
  brazeSegmentsArtifactKey,
  BrazeSegmentsArtifactSchema,
);
