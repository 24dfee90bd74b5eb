import { z } from 'zod';
import { defineArtifact } from '../artifacts.ts';

export const PreviewFindingSchema = z.object({
  severity: z.enum(['error', 'warning']),
  messageKey: z.string().max(200),
  line: z.number().int().nullable(),
  column: z.number().int().nullable(),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
});
export type PreviewFinding = z.infer<typeof PreviewFindingSchema>;

/** What `jacquard.snippets` keeps for the preview: the snippets as linted, and what it found. */
export const snippetPreviewArtifact = defineArtifact(
  'jacquard.snippetPreview',
  z.object({ text: z.string().max(100_000), findings: z.array(PreviewFindingSchema).max(1000) }),
);
export type SnippetPreview = z.infer<typeof snippetPreviewArtifact.schema>;
