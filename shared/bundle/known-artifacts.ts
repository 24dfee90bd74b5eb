import { z } from 'zod';
import { knownArtifacts } from '../integrations/lists.ts';

/**
 * The artifacts the app reads back, each with the schema its reader uses. The store keeps
 * artifacts loosely (an unknown one may be a newer app's), and a reader skips one it cannot
 * read; so a malformed one in a bundle would import and then be silently ignored. Import checks
 * these first and names the field instead. Unknown artifacts still pass as they are.
 */
export const KnownArtifactsSchema = z.looseObject(
  Object.fromEntries(knownArtifacts.map(({ key, schema }) => [key, schema.optional()])),
);
