import type { ChoiceInput, PlainInput, SecretInput } from '../../guides/types.ts';
import { patterns } from '../../guides/patterns.ts';
import { brazeInstances, customInstanceId } from './instances.ts';

export { brazeInstances };
/** The `braze.instance` value meaning "use the endpoint typed into `braze.restEndpoint`". */
export const CUSTOM_BRAZE_INSTANCE = customInstanceId;

/*
 * Both guides show these inputs; they share the objects (and the `braze.*` keys, present in each
 * guide's namespace) so a client connected to both integrations enters its Braze details once.
 */

export const brazeInstanceInput: ChoiceInput = {
  id: 'braze.instance',
  kind: 'choice',
  labelKey: 'braze.instance.label',
  helpKey: 'braze.instance.help',
  required: true,
  options: [
    ...brazeInstances.map(({ id }) => ({ value: id, label: id })),
    { value: CUSTOM_BRAZE_INSTANCE, labelKey: 'braze.instance.custom' },
  ],
};

export const brazeRestEndpointInput: PlainInput = {
  id: 'braze.restEndpoint',
  kind: 'url',
  labelKey: 'braze.restEndpoint.label',
  helpKey: 'braze.restEndpoint.help',
  // Needed only when the instance is "custom"; the instance table supplies it otherwise.
  required: false,
  placeholder: 'https://rest.iad-01.braze.com',
  pattern: patterns.baseUrl,
  patternMessageKey: 'braze.restEndpoint.invalid',
  maxLength: 200,
};

export const brazeApiKeyInput: SecretInput = {
  id: 'braze.apiKey',
  kind: 'secret',
  secret: 'braze.apiKey',
  labelKey: 'braze.apiKey.label',
  helpKey: 'braze.apiKey.help',
  required: true,
  // Braze REST keys are 36-character UUIDs; anything much shorter is a truncated paste.
  minLength: 32,
};

export const brazeInputs = [brazeInstanceInput, brazeRestEndpointInput, brazeApiKeyInput] as const;
