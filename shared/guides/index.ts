import { guides, type IntegrationId } from '../integrations/lists.ts';
import type { Confirmation, Guide, InputDef, Step } from './types.ts';

export type * from './types.ts';
export { guides };

export function guideFor(id: IntegrationId): Guide {
  return guides[id];
}

/** Steps of the given integrations (all by default), in guide order. */
export function allSteps(
  ids: readonly IntegrationId[] = Object.keys(guides) as IntegrationId[],
): Step[] {
  return ids.flatMap((id) => guides[id].steps);
}

/**
 * Inputs of the given integrations, each once: inputs both guides share (the Braze instance, endpoint
 * and key) appear a single time, so a client on both integrations enters them once.
 */
export function allInputs(ids?: readonly IntegrationId[]): InputDef[] {
  const byId = new Map<string, InputDef>();
  for (const step of allSteps(ids)) {
    for (const input of step.inputs) if (!byId.has(input.id)) byId.set(input.id, input);
  }
  return [...byId.values()];
}

export function allConfirmations(ids?: readonly IntegrationId[]): Confirmation[] {
  return allSteps(ids).flatMap((step) => step.confirmations);
}

/** Check ids the given integrations' steps reference, each once, in guide order. */
export function checkIdsFor(ids?: readonly IntegrationId[]): string[] {
  return [...new Set(allSteps(ids).flatMap((step) => step.checks))];
}

export function stepById(id: string): Step | undefined {
  return allSteps().find((step) => step.id === id);
}

export function inputById(id: string): InputDef | undefined {
  return allInputs().find((input) => input.id === id);
}

export function confirmationById(id: string): Confirmation | undefined {
  return allConfirmations().find((confirmation) => confirmation.id === id);
}

/** The guide a step belongs to (for its i18n namespace). */
export function guideOfStep(stepId: string): Guide | undefined {
  return Object.values(guides).find((guide) => guide.steps.some((step) => step.id === stepId));
}

/**
 * The value a client has for an input: what the CSM recorded, else the guide's default (the
 * bucket name, say, is right for almost every client and may never be typed).
 */
export function inputValue(client: { inputs: Record<string, string> }, id: string): string {
  const recorded = client.inputs[id]?.trim();
  if (recorded) return recorded;
  const def = inputById(id);
  return def && 'default' in def && def.default !== undefined ? def.default : '';
}
