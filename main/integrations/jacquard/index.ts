import type { MainIntegration } from '../types.ts';
import { jacquardChecks } from './checks.ts';
import { currentsReportSections } from './report-sections.ts';
import { redactSnippetTokens } from './snippet-redaction.ts';

export const jacquardMain: MainIntegration = {
  id: 'jacquard',
  checks: jacquardChecks,
  // Snippets are pasted with the connect token in them; only the keychain may keep it.
  inputRedactors: [
    { inputId: 'jacquard.snippets', secret: 'jacquard.connectToken', redact: redactSnippetTokens },
  ],
  reportSections: currentsReportSections,
};
