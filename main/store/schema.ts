import { z } from 'zod';
import { ClientSchema } from '../../shared/types/client.ts';
import { SettingsSchema, defaultSettings } from '../../shared/types/settings.ts';
import { migrateToSecretHosts } from './migrate-secret-hosts.ts';

/** Bump when the file's shape changes, and add a migration from the previous version. */
export const storeVersion = 2;

export const StoreFileSchema = z.object({
  version: z.literal(storeVersion),
  settings: SettingsSchema,
  clients: z.array(ClientSchema),
});
export type StoreFile = z.infer<typeof StoreFileSchema>;

export const emptyStore = (): StoreFile => ({
  version: storeVersion,
  settings: { ...defaultSettings },
  clients: [],
});

/** Upgrades of older files, keyed by the version they start from. */
export const migrations: Record<
  number,
  (data: Record<string, unknown>) => Record<string, unknown>
> = {
  1: migrateToSecretHosts,
};
