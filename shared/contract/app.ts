import { z } from 'zod';
import { channel } from './define.ts';
import { SettingsSchema } from '../types/settings.ts';

export const StoreIssueSchema = z.object({
  kind: z.enum(['corrupt', 'newer-version']),
  /** Where the unreadable file was moved, so nothing is lost. */
  movedTo: z.string(),
});

export const KeychainStatusSchema = z.object({
  available: z.boolean(),
  /** Translated explanation and fix when not available. */
  message: z.string().optional(),
});

export const AppInfoSchema = z.object({
  version: z.string(),
  mode: z.enum(['electron', 'browser']),
  home: z.string(),
  storeIssue: StoreIssueSchema.nullable(),
  demo: z.boolean(),
  /** Started with `--allow-insecure-loopback`: pasted http://127.0.0.1 endpoints may be used. */
  allowInsecureLoopback: z.boolean(),
});

export const appChannels = {
  'app:info': channel(z.object({}), AppInfoSchema),
  'app:keychainStatus': channel(z.object({}), KeychainStatusSchema),
  /** The CSM has read the notice about a store file moved aside (the file itself stays). */
  'app:dismissStoreIssue': channel(z.object({}), z.object({})),
  'settings:get': channel(z.object({}), SettingsSchema),
  'settings:update': channel(SettingsSchema.partial(), SettingsSchema),
};
