import { z } from 'zod';
import { channel } from './define.ts';
import { ItemIdSchema } from '../types/ids.ts';

export const checkChannels = {
  /** Which automated checks this build implements; the rest show "not available yet". */
  'checks:catalog': channel(z.object({}), z.object({ available: z.array(ItemIdSchema) })),
};
