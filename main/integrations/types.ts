import type { ModuleId } from '../../shared/integrations/lists.ts';
import type { CheckDefinition } from '../checks/types.ts';
import type { InputRedactor } from '../inputs/redaction.ts';
import type { ReportSections } from '../reports/sections.ts';

/**
 * What one integration contributes to main: its checks, the secrets it takes out of inputs, and
 * the sections it adds to a client's report.
 */
export interface MainIntegration {
  readonly id: ModuleId;
  readonly checks: readonly CheckDefinition[];
  readonly inputRedactors?: readonly InputRedactor[];
  readonly reportSections?: ReportSections;
}
