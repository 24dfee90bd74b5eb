import { z } from 'zod';
import { ClientIdSchema } from '../types/ids.ts';

/** Messages main pushes to the UI unasked. */
export const events = {
  /** A client changed outside the UI's own call (a check finished, another window, the CLI). */
  'client:changed': z.object({ clientId: ClientIdSchema }),
};
