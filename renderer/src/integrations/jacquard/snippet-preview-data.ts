import type { Client } from '../../../../shared/types/client.ts';

/**
 * The `jacquard.snippetPreview` artifact as the snippet check saves it. Apart from the component
 * so that tests can check what a finding's message receives without rendering React.
 */
export interface PreviewFinding {
  severity: 'error' | 'warning';
  messageKey: string;
  line: number | null;
  column: number | null;
  params: Record<string, string | number>;
}

export interface Preview {
  text: string;
  findings: PreviewFinding[];
}

export function previewOf(client: Client): Preview | null {
  const raw = client.artifacts['jacquard.snippetPreview'] as Partial<Preview> | undefined;
  if (!raw || typeof raw.text !== 'string' || !Array.isArray(raw.findings)) return null;
  return { text: raw.text, findings: raw.findings };
}

/** A finding's message parameters; a position the parser could not give shows as a dash. */
export const findingParams = (f: PreviewFinding): Record<string, string | number> => ({
  ...f.params,
  line: f.line ?? '—',
  column: f.column ?? '—',
});
