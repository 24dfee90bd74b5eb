import type { ModuleId } from '../../shared/integrations/lists.ts';
import type { CheckDefinition } from '../checks/types.ts';
import type { InputRedactor } from '../inputs/redaction.ts';

/** What one integration contributes to main: its checks and the secrets it takes out of inputs. */
export interface MainIntegration {
  readonly id: ModuleId;
  readonly checks: readonly CheckDefinition[];
  readonly inputRedactors?: readonly InputRedactor[];
}
