import { z } from 'zod';
import { webUrlField } from '../../client-file-fields.ts';
import { brazeInstanceIds, customInstanceId } from './instances.ts';

const instanceChoices = [...brazeInstanceIds, customInstanceId];

/** `"braze": { … }` in a client file: the inputs `braze.instance` and `braze.restEndpoint`. */
export const BrazeSection = z
  .strictObject({
    instance: z
      .enum(instanceChoices as [string, ...string[]])
      .meta({ description: 'Braze instance (US-01 … KR-01), or "custom" to use restEndpoint.' }),
    restEndpoint: webUrlField(
      'REST endpoint when instance is "custom" (https; plain http only for a loopback service with --allow-insecure-loopback).',
    ).optional(),
  })
  .meta({ description: 'The Braze workspace the key belongs to.' });
