import {
  customInstanceId,
  findBrazeInstance,
} from '../../../shared/integrations/braze/instances.ts';
import type { Client } from '../../../shared/types/client.ts';
import { inputValue } from '../../checks/requirements.ts';
import { skipped } from '../../checks/outcomes.ts';
import type { CheckOutcome } from '../../checks/types.ts';

export const brazeInputs = {
  instance: 'braze.instance',
  restEndpoint: 'braze.restEndpoint',
} as const;

export type BrazeEndpoint =
  { ok: true; instance: string; baseUrl: string } | { ok: false; outcome: CheckOutcome };

/**
 * The REST base URL a client's Braze checks call: the instance's host from the table, or the
 * CSM's own `braze.restEndpoint` when the instance is `custom` (the https rule is enforced by the
 * HttpClient, which is also what lets tests point a client at a loopback fake).
 */
export function brazeEndpointFor(client: Client): BrazeEndpoint {
  const instance = inputValue(client, brazeInputs.instance);
  if (instance.toLowerCase() === customInstanceId) {
    const endpoint = inputValue(client, brazeInputs.restEndpoint);
    if (endpoint === '')
      return { ok: false, outcome: skipped('missingInput', { input: brazeInputs.restEndpoint }) };
    return { ok: true, instance: customInstanceId, baseUrl: endpoint.replace(/\/+$/, '') };
  }
  const known = findBrazeInstance(instance);
  if (!known) {
    return {
      ok: false,
      outcome: {
        status: 'fail',
        messageKey: 'checks-braze:endpoint.unknownInstance',
        params: { instance },
      },
    };
  }
  return { ok: true, instance: known.id, baseUrl: known.restEndpoint };
}

/** The host for the engine's per-host cap. */
export function brazeHost(client: Client): string | null {
  const endpoint = brazeEndpointFor(client);
  if (!endpoint.ok) return null;
  try {
    return new URL(endpoint.baseUrl).host;
  } catch {
    return null;
  }
}
