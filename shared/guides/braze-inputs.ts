import type { ChoiceInput, PlainInput, SecretInput } from './types.ts';
import { patterns } from './patterns.ts';

/**
 * Braze instances (braze.md §1) and their REST endpoints. The instance choice and the endpoint the
 * checks call come from this one table.
 */
export const brazeInstances = [
  { id: 'US-01', restEndpoint: 'https://rest.iad-01.braze.com' },
  { id: 'US-02', restEndpoint: 'https://rest.iad-02.braze.com' },
  { id: 'US-03', restEndpoint: 'https://rest.iad-03.braze.com' },
  { id: 'US-04', restEndpoint: 'https://rest.iad-04.braze.com' },
  { id: 'US-05', restEndpoint: 'https://rest.iad-05.braze.com' },
  { id: 'US-06', restEndpoint: 'https://rest.iad-06.braze.com' },
  { id: 'US-07', restEndpoint: 'https://rest.iad-07.braze.com' },
  { id: 'US-08', restEndpoint: 'https://rest.iad-08.braze.com' },
  { id: 'US-10', restEndpoint: 'https://rest.us-10.braze.com' },
  { id: 'EU-01', restEndpoint: 'https://rest.fra-01.braze.eu' },
  { id: 'EU-02', restEndpoint: 'https://rest.fra-02.braze.eu' },
  { id: 'AU-01', restEndpoint: 'https://rest.au-01.braze.com' },
  { id: 'ID-01', restEndpoint: 'https://rest.id-01.braze.com' },
  { id: 'JP-01', restEndpoint: 'https://rest.jp-01.braze.com' },
  { id: 'KR-01', restEndpoint: 'https://rest.kr-01.braze.com' },
] as const;

/** The `braze.instance` value meaning "use the endpoint typed into `braze.restEndpoint`". */
export const CUSTOM_BRAZE_INSTANCE = 'custom';

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
