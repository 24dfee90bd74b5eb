import { guideFor, type Guide, type Step } from '../../../../shared/guides/index.ts';
import type { Client } from '../../../../shared/types/client.ts';

export interface GuideStep {
  guide: Guide;
  step: Step;
}

/** Every step of the client's integrations, in guide order: the order of the nav and of Next. */
export const stepsOf = (client: Client): GuideStep[] =>
  client.integrations.flatMap((id) => {
    const guide = guideFor(id);
    return guide.steps.map((step) => ({ guide, step }));
  });

/** A guide's key as i18next sees it; keys in guide data are relative to the guide's namespace. */
export const guideKey = (guide: Guide, key: string): string =>
  key.includes(':') ? key : `${guide.namespace}:${key}`;

export function confirmationProgress(client: Client, steps: readonly Step[]) {
  const ids = steps.flatMap((step) => step.confirmations.map((c) => c.id));
  return { done: ids.filter((id) => client.confirmations[id]).length, total: ids.length };
}
