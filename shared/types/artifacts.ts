import { z } from 'zod';

/**
 * Per-client data produced by checks and plans. Each integration adds its own optional entry;
 * unknown entries are kept so an older app never drops a newer app's data.
 */
export const ArtifactsSchema = z.looseObject({});
export type Artifacts = z.infer<typeof ArtifactsSchema>;
