import { readArtifact } from '../../../../shared/integrations/artifacts.ts';
import {
  snippetPreviewArtifact,
  type PreviewFinding,
  type SnippetPreview,
} from '../../../../shared/integrations/jacquard/snippet-preview.ts';
import type { Client } from '../../../../shared/types/client.ts';

export type { PreviewFinding };
export type Preview = SnippetPreview;

/** The `jacquard.snippetPreview` artifact as the snippet check saved it, or null. */
export function previewOf(client: Client): Preview | null {
  return readArtifact(client.artifacts, snippetPreviewArtifact) ?? null;
}

/** A finding's message parameters; a position the parser could not give shows as a dash. */
export const findingParams = (f: PreviewFinding): Record<string, string | number> => ({
  ...f.params,
  line: f.line ?? '—',
  column: f.column ?? '—',
});
