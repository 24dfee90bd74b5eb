import type { CheckDefinition, CheckOutcome } from '../../../checks/types.ts';
import { snippetPreviewArtifact } from '../../../../shared/integrations/jacquard/snippet-preview.ts';
import { outcome } from '../outcome.ts';
import { lintSnippets } from '../snippet-lint.ts';

export const jacquardSnippetsCheck: CheckDefinition = {
  id: 'jacquard.snippets',
  requires: { inputs: ['jacquard.snippets'], network: false },
  async run(ctx): Promise<CheckOutcome> {
    const text = ctx.client.inputs['jacquard.snippets'] ?? '';
    const lint = lintSnippets(text, await ctx.secrets.get('jacquard.connectToken'));
    const findings = lint.findings.map((f) => ({
      severity: f.severity,
      messageKey: `checks-jacquard:jacquard.snippets.finding.${f.code}`,
      line: f.line,
      column: f.column,
      params: f.params,
    }));
    ctx.saveArtifact(snippetPreviewArtifact, { text: lint.preview, findings });
    const details = { calls: lint.calls, tokenMatch: lint.tokenMatch, findings };
    // The lint lists the most severe finding first: it is the headline, the rest are counted.
    const [first] = lint.findings;
    if (!first) return outcome('pass', 'jacquard.snippets.ok', { calls: lint.calls }, details);
    const params = {
      ...first.params,
      line: first.line ?? 0,
      column: first.column ?? 0,
      more: lint.findings.length - 1,
    };
    return outcome(
      first.severity === 'error' ? 'fail' : 'warn',
      `jacquard.snippets.finding.${first.code}`,
      params,
      details,
    );
  },
};
