import { skipped } from '../../checks/outcomes.ts';
import type { CheckContext, CheckDefinition, CheckOutcome } from '../../checks/types.ts';
import { brazeEndpointFor, brazeHost, brazeInputs } from './endpoint.ts';
import { createBrazeRestClient, type BrazeRestClient } from './rest-client.ts';

export const brazeKeySecret = 'braze.apiKey' as const;

/** What every Braze check declares: the key, the instance, the network, and the host it shares. */
export const brazeCheckBase: Pick<CheckDefinition, 'requires' | 'host'> = {
  requires: { secrets: [brazeKeySecret], inputs: [brazeInputs.instance], network: true },
  host: brazeHost,
};

/** Runs `probe` with a REST client for the client's instance and key, or returns why it cannot. */
export async function withBraze(
  ctx: CheckContext,
  probe: (rest: BrazeRestClient, instance: string) => Promise<CheckOutcome>,
): Promise<CheckOutcome> {
  const endpoint = brazeEndpointFor(ctx.client);
  if (!endpoint.ok) return endpoint.outcome;
  const key = (await ctx.secrets.get(brazeKeySecret))?.trim();
  if (!key) return skipped('missingSecret', { secret: brazeKeySecret });
  return probe(createBrazeRestClient(ctx.http, endpoint.baseUrl, key), endpoint.instance);
}
