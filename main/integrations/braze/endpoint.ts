import { brazeInputs, brazeRestBase } from '../../../shared/integrations/braze/rest-base.ts';
import type { Client } from '../../../shared/types/client.ts';
import { skipped } from '../../checks/outcomes.ts';
import type { CheckOutcome } from '../../checks/types.ts';

export { brazeInputs };

export type BrazeEndpoint =
  { ok: true; instance: string; baseUrl: string } | { ok: false; outcome: CheckOutcome };

/**
 * The REST base URL a client's Braze checks call (`brazeRestBase`), or the outcome saying why there
 * is none (the https rule is enforced by the HttpClient, which is also what lets tests point a
 * client at a loopback fake).
 */
export function brazeEndpointFor(client: Client): BrazeEndpoint {
  const base = brazeRestBase(client);
  if (base.kind === 'ok') return { ok: true, instance: base.instance, baseUrl: base.baseUrl };
  if (base.kind === 'missingEndpoint')
    return { ok: false, outcome: skipped('missingInput', { input: brazeInputs.restEndpoint }) };
  return {
    ok: false,
    outcome: {
      status: 'fail',
      messageKey: 'checks-braze:endpoint.unknownInstance',
      params: { instance: base.instance },
    },
  };
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
