import { destinationOf, type ClientInputs } from '../../secret-hosts/destination.ts';
import { brazeRestBase } from './rest-base.ts';

/** The Braze REST key goes to the instance's REST host, or to the custom endpoint. */
export function brazeKeyHost(client: ClientInputs): string | null {
  const base = brazeRestBase(client);
  return base.kind === 'ok' ? destinationOf(base.baseUrl) : null;
}
