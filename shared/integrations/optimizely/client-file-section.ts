import { z } from 'zod';
import { webUrlField } from '../../client-file-fields.ts';

/** `"odp": { … }` in a client file: the `odp.*` inputs. */
export const OdpSection = z
  .strictObject({
    region: z
      .enum(['auto', 'us', 'eu', 'au'])
      .meta({
        description:
          'ODP region; auto reads the key suffix (-eu1, -au1), else tries US, then EU, then AU.',
      })
      .optional(),
    apiBase: webUrlField('ODP API base URL override (advanced, or a local service).').optional(),
    currentsUrl: webUrlField('Custom Currents export URL ODP gave you.').optional(),
  })
  .meta({ description: 'Optimizely Data Platform settings.' });
