import { ClientFileSchema, type ClientFile } from '../client-file.ts';

export { bundleVersion } from './version.ts';

/**
 * The bundle IS the client file of `partner-setup check --client-file`: one format. An export is a
 * client file that also carries the review state (confirmations, check results) and a checksum;
 * a client file written by hand leaves those out. Version 1 files migrate on reading.
 */
export const BundleSchema = ClientFileSchema;
export type Bundle = ClientFile;
