import type { z } from 'zod';
import type { Artifacts } from '../types/artifacts.ts';

/**
 * Data a check or a plan keeps with the client, under one key, with the schema that every writer
 * is held to and every reader parses it with (the checks, the renderer, reports and import).
 */
export interface ArtifactDef<S extends z.ZodType = z.ZodType> {
  readonly key: string;
  readonly schema: S;
}

export const defineArtifact = <S extends z.ZodType>(key: string, schema: S): ArtifactDef<S> => ({
  key,
  schema,
});

/**
 * A client's artifact as its schema reads it; undefined when it is absent or no longer reads (an
 * older app's, a hand-edited store): readers skip what they cannot read.
 */
export function readArtifact<S extends z.ZodType>(
  artifacts: Artifacts,
  artifact: ArtifactDef<S>,
): z.output<S> | undefined {
  const parsed = artifact.schema.safeParse(artifacts[artifact.key]);
  return parsed.success ? parsed.data : undefined;
}
