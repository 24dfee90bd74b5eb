import type { ChoiceInput, PlainInput } from '../../guides/types.ts';
import { brazeInstanceInput, brazeRestEndpointInput } from './guide-inputs.ts';
import { customInstanceId, findBrazeInstance } from './instances.ts';

export const brazeInputs = {
  instance: brazeInstanceInput.id,
  restEndpoint: brazeRestEndpointInput.id,
} as const;

/** Where a client's Braze calls go, or why the inputs name no REST endpoint. */
export type BrazeRestBase =
  | { kind: 'ok'; instance: string; baseUrl: string }
  | { kind: 'missingEndpoint' }
  | { kind: 'unknownInstance'; instance: string };

/** What the client recorded, else the input's default (as `inputValue` reads it). */
const valueOf = (client: { inputs: Record<string, string> }, input: ChoiceInput | PlainInput) =>
  client.inputs[input.id]?.trim() || (input.default ?? '');

/**
 * The REST base URL a client's Braze calls use: the instance's host from the table, or the CSM's
 * own `braze.restEndpoint` when the instance is `custom`. Shared by the checks (which call it) and
 * the record of which host the Braze key was confirmed for, so both read the inputs one way.
 */
export function brazeRestBase(client: { inputs: Record<string, string> }): BrazeRestBase {
  const instance = valueOf(client, brazeInstanceInput);
  if (instance.toLowerCase() === customInstanceId) {
    const endpoint = valueOf(client, brazeRestEndpointInput);
    if (endpoint === '') return { kind: 'missingEndpoint' };
    return { kind: 'ok', instance: customInstanceId, baseUrl: endpoint.replace(/\/+$/, '') };
  }
  const known = findBrazeInstance(instance);
  if (!known) return { kind: 'unknownInstance', instance };
  return { kind: 'ok', instance: known.id, baseUrl: known.restEndpoint };
}
