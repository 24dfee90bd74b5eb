import { z } from 'zod';
import { guideFor } from '../guides/index.ts';
import type { Client } from '../types/client.ts';
import type { IntegrationId } from '../integrations/lists.ts';
import type { StandingOptions } from './standing.ts';
import { isStepConfirmed } from './step-state.ts';
import { VerdictSchema, verdictOfChecks } from './verdict.ts';

const count = z.number().int().nonnegative();

/**
 * A verdict over one integration (or a whole client), with the manual half beside it: how many of
 * the steps that ask for a confirmation have all of theirs ticked.
 */
export const ScopedVerdictSchema = VerdictSchema.extend({
  stepsConfirmed: count,
  stepsToConfirm: count,
});
export type ScopedVerdict = z.infer<typeof ScopedVerdictSchema>;

type VerdictView = Pick<Client, 'integrations' | 'confirmations' | 'checkResults'>;

/** The checks an integration's guide names, each once, in guide order. */
export const checkIdsOfIntegration = (integration: IntegrationId): string[] => [
  ...new Set(guideFor(integration).steps.flatMap((step) => step.checks)),
];

function scoped(
  client: VerdictView,
  integrations: readonly IntegrationId[],
  options: StandingOptions,
): ScopedVerdict {
  const steps = integrations.flatMap((id) => guideFor(id).steps);
  const tickable = steps.filter((step) => step.confirmations.length > 0);
  return {
    // A check both guides name (the Braze key) counts once for the client.
    ...verdictOfChecks(client.checkResults, integrations.flatMap(checkIdsOfIntegration), options),
    stepsConfirmed: tickable.filter((step) => isStepConfirmed(client, step)).length,
    stepsToConfirm: tickable.length,
  };
}

export const integrationVerdict = (
  client: VerdictView,
  integration: IntegrationId,
  options: StandingOptions,
): ScopedVerdict => scoped(client, [integration], options);

export const clientVerdict = (client: VerdictView, options: StandingOptions): ScopedVerdict =>
  scoped(client, client.integrations, options);
