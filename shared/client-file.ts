import { z } from 'zod';
import { brazeInstanceIds, customInstanceId } from './integrations/braze/instances.ts';
import { bundleFields } from './bundle/fields.ts';
import { bundleVersion } from './bundle/version.ts';
import { patterns } from './guides/patterns.ts';
import { ArtifactsSchema } from './types/artifacts.ts';
import { ClientNameSchema, InputValueSchema, type Client } from './types/client.ts';
import { IntegrationIdSchema, ItemIdSchema } from './types/ids.ts';

/**
 * A client described in a file, for `partner-setup check --client-file`: every non-secret setting
 * a check needs, custom endpoints included, so a client can be pointed at local services.
 * Secrets never go in it: the CLI reads them from environment variables. Versioned; published as
 * JSON Schema by `partner-setup schema client`.
 */
export const clientFileVersion = bundleVersion;

const text = (description: string) => InputValueSchema.min(1).meta({ description });
/**
 * https, or plain http to a loopback host only: the same rule as the guides' inputs, so the JSON
 * Schema refuses `http://remote.example` too. Whether plain http may be used at all is decided
 * at run time (`--allow-insecure-loopback`).
 */
const webUrl = (description: string) =>
  z
    .url({ protocol: /^https?$/ })
    .regex(new RegExp(patterns.url))
    .max(2000)
    .meta({ description });

const instanceChoices = [...brazeInstanceIds, customInstanceId];

const BrazeSection = z
  .strictObject({
    instance: z
      .enum(instanceChoices as [string, ...string[]])
      .meta({ description: 'Braze instance (US-01 … KR-01), or "custom" to use restEndpoint.' }),
    restEndpoint: webUrl(
      'REST endpoint when instance is "custom" (https; plain http only for a loopback service with --allow-insecure-loopback).',
    ).optional(),
  })
  .meta({ description: 'The Braze workspace the key belongs to.' });

const JacquardSection = z
  .strictObject({
    currentName: text('Name of the Amazon S3 Current in Braze.').optional(),
    contactEmail: z.email().meta({ description: 'Contact email on the Current.' }).optional(),
    s3Bucket: text(
      'Bucket Jacquard provisioned (default phrasee-braze-currents-exports).',
    ).optional(),
    s3Folder: text('Folder in the bucket, from the Jacquard CSM.').optional(),
    s3Endpoint: webUrl('Custom S3 endpoint, for a local S3-compatible service.').optional(),
    snippets: text('The Jacquard X Connected Content snippets, as pasted.').optional(),
  })
  .meta({ description: 'Braze ⇄ Jacquard settings.' });

const OdpSection = z
  .strictObject({
    region: z
      .enum(['auto', 'us', 'eu', 'au'])
      .meta({
        description:
          'ODP region; auto reads the key suffix (-eu1, -au1), else tries US, then EU, then AU.',
      })
      .optional(),
    apiBase: webUrl('ODP API base URL override (advanced, or a local service).').optional(),
    currentsUrl: webUrl('Custom Currents export URL ODP gave you.').optional(),
  })
  .meta({ description: 'Optimizely Data Platform settings.' });

export const ClientFileSchema = z
  .strictObject({
    $schema: z.string().optional(),
    version: z.literal(clientFileVersion),
    name: ClientNameSchema,
    integrations: z.array(IntegrationIdSchema).min(1).max(2),
    braze: BrazeSection.optional(),
    jacquard: JacquardSection.optional(),
    odp: OdpSection.optional(),
    inputs: z
      .record(ItemIdSchema, InputValueSchema)
      .meta({ description: 'Any other guide input by id (e.g. plans), as the app stores them.' })
      .optional(),
    artifacts: ArtifactsSchema.meta({
      description:
        'Data saved by earlier runs or built in the app (e.g. braze.segments, ODP plans).',
    }).optional(),
    // An exported bundle is a client file with the review state and a checksum (shared/bundle/).
    ...bundleFields,
  })
  .meta({
    title: 'Partner Setup Assistant client file',
    description:
      'A client for `partner-setup check --client-file`. Secrets come from environment variables.',
  });
export type ClientFile = z.infer<typeof ClientFileSchema>;

/** The client file's JSON Schema (draft 2020-12). */
export const clientFileJsonSchema = (): Record<string, unknown> =>
  z.toJSONSchema(ClientFileSchema, { io: 'input' });

/** Sections map to input ids by prefix: `braze.instance`, `jacquard.s3Folder`, `odp.apiBase` … */
export function clientFromFile(file: ClientFile, id: string, now: Date = new Date()): Client {
  const inputs: Record<string, string> = {};
  for (const section of ['braze', 'jacquard', 'odp'] as const) {
    for (const [key, value] of Object.entries(file[section] ?? {})) {
      if (typeof value === 'string') inputs[`${section}.${key}`] = value;
    }
  }
  const at = now.toISOString();
  return {
    id,
    name: file.name,
    integrations: [...new Set(file.integrations)],
    createdAt: at,
    updatedAt: at,
    inputs: { ...inputs, ...file.inputs },
    confirmations: file.confirmations ?? {},
    secrets: {},
    checkResults: file.checkResults ?? {},
    artifacts: file.artifacts ?? {},
  };
}
