import { z } from 'zod';
import { ClientFileSchema } from '../client-file.ts';
import { bundleFields } from './fields.ts';

/**
 * The bundle IS the client file of `partner-setup check --client-file`, at version 2: version 1 (a
 * client file written by hand, no review state) migrates to it, and an export is a client file
 * that also carries confirmations, check results and a checksum.
 */
export const bundleVersion = 2;

export const BundleSchema = ClientFileSchema.extend({
  version: z.literal(bundleVersion),
  ...bundleFields,
});
export type Bundle = z.infer<typeof BundleSchema>;
