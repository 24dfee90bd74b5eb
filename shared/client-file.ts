import { z } from 'zod';
import { bundleFields } from './bundle/fields.ts';
import { shareableResults } from './checks/shareable-result.ts';
import { bundleVersion } from './bundle/version.ts';
import { ArtifactsSchema } from './types/artifacts.ts';
import { InputValueSchema, NewClientNameSchema, type Client } from './types/client.ts';
import { ItemIdSchema } from './types/ids.ts';
import { clientFileSections, IntegrationIdSchema, integrationIds } from './integrations/lists.ts';

/**
 * A client described in a file, for `partner-setup check --client-file`: every non-secret setting
 * a check needs, custom endpoints included, so a client can be pointed at local services.
 * Secrets never go in it: the CLI reads them from environment variables. Versioned; published as
 * JSON Schema by `partner-setup schema client`.
 */
export const clientFileVersion = bundleVersion;

type Section = (typeof clientFileSections)[number];
type Sections = { [S in Section as S['key']]: z.ZodOptional<S['schema']> };

/** One optional section per integration that has settings (`"<key>": { "<field>": … }`). */
const sections = Object.fromEntries(
  clientFileSections.map(({ key, schema }) => [key, schema.optional()]),
) as Sections;

export const ClientFileSchema = z
  .strictObject({
    $schema: z.string().optional(),
    version: z.literal(clientFileVersion),
    name: NewClientNameSchema,
    integrations: z.array(IntegrationIdSchema).min(1).max(integrationIds.length),
    ...sections,
    inputs: z
      .record(ItemIdSchema, InputValueSchema)
      .meta({ description: 'Any other guide input by id (e.g. plans), as the app stores them.' })
      .optional(),
    artifacts: ArtifactsSchema.meta({
      description: 'Data saved by earlier runs or built in the app (e.g. braze.segments, plans).',
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

/** Sections map to input ids by prefix: `"<key>": { "<field>": … }` is the input `<key>.<field>`. */
export function clientFromFile(file: ClientFile, id: string, now: Date = new Date()): Client {
  const inputs: Record<string, string> = {};
  for (const { key: section } of clientFileSections) {
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
    // A bundle from an older version may still name other clients' folders.
    checkResults: shareableResults(file.checkResults ?? {}),
    artifacts: file.artifacts ?? {},
  };
}
