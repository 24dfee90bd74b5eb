import { z } from 'zod';
import { channel } from './define.ts';
import { ClientIdSchema, ItemIdSchema } from '../types/ids.ts';
import { IntegrationIdSchema, integrationIds } from '../integrations/lists.ts';
import { secretInputIds } from '../guides/secret-inputs.ts';
import {
  ClientSchema,
  ClientSummarySchema,
  InputValueSchema,
  NewClientNameSchema,
} from '../types/client.ts';

const byId = z.object({ id: ClientIdSchema });
// A secret's value goes only to the keychain (secrets:set); as a plain input it would reach the store.
const PlainInputIdSchema = ItemIdSchema.refine((id) => !secretInputIds.has(id));
const Integrations = z.array(IntegrationIdSchema).min(1).max(integrationIds.length);

export const clientChannels = {
  'clients:list': channel(z.object({}), z.array(ClientSummarySchema)),
  'clients:get': channel(byId, ClientSchema),
  'clients:create': channel(
    z.object({ name: NewClientNameSchema, integrations: Integrations }),
    ClientSchema,
  ),
  'clients:rename': channel(
    z.object({ id: ClientIdSchema, name: NewClientNameSchema }),
    ClientSchema,
  ),
  'clients:duplicate': channel(
    z.object({ id: ClientIdSchema, name: NewClientNameSchema }),
    ClientSchema,
  ),
  'clients:delete': channel(byId, z.object({ deleted: z.literal(true) })),
  'clients:setIntegrations': channel(
    z.object({ id: ClientIdSchema, integrations: Integrations }),
    ClientSchema,
  ),
  'inputs:set': channel(
    z.object({ clientId: ClientIdSchema, inputId: PlainInputIdSchema, value: InputValueSchema }),
    ClientSchema,
  ),
  'confirmations:set': channel(
    z.object({
      clientId: ClientIdSchema,
      confirmationId: ItemIdSchema,
      done: z.boolean(),
      note: z.string().max(2000).optional(),
    }),
    ClientSchema,
  ),
};
