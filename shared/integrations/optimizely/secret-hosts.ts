import { destinationOf, hostSet, type ClientInputs } from '../../secret-hosts/destination.ts';
import { odpApiBaseOverride, odpRegionBases } from './api-hosts.ts';

/**
 * Without `odp.apiBase`, the key goes to one of ODP's own regional hosts, and which one the key's
 * suffix or the detection decides rather than the region input: the three count as one
 * destination, so only a move to (or between) custom bases is a change of host.
 */
const odpOwnHosts = hostSet(Object.values(odpRegionBases));

export function odpKeyHost(client: ClientInputs): string | null {
  const override = odpApiBaseOverride(client);
  return override ? destinationOf(override) : odpOwnHosts;
}

/** Sent only by the live probe of the Currents URL (an opt-in), as Braze would send it. */
export const currentsTokenHost = (client: ClientInputs): string | null =>
  destinationOf(client.inputs['odp.currentsUrl'] ?? '');
