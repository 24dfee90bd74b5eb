import { z } from 'zod';
import { textField, webUrlField } from '../../client-file-fields.ts';

/** `"jacquard": { … }` in a client file: the `jacquard.*` inputs. */
export const JacquardSection = z
  .strictObject({
    currentName: textField('Name of the Amazon S3 Current in Braze.').optional(),
    contactEmail: z.email().meta({ description: 'Contact email on the Current.' }).optional(),
    s3Bucket: textField(
      'Bucket Jacquard provisioned (default phrasee-braze-currents-exports).',
    ).optional(),
    s3Folder: textField('Folder in the bucket, from the Jacquard CSM.').optional(),
    s3Endpoint: webUrlField('Custom S3 endpoint, for a local S3-compatible service.').optional(),
    snippets: textField('The Jacquard X Connected Content snippets, as pasted.').optional(),
  })
  .meta({ description: 'Braze ⇄ Jacquard settings.' });
