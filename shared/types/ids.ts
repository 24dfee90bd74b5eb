import { z } from 'zod';

export const integrationIds = ['jacquard', 'optimizely'] as const;
export const IntegrationIdSchema = z.enum(integrationIds);
export type IntegrationId = z.infer<typeof IntegrationIdSchema>;

export const languages = ['en', 'fr', 'pt', 'es', 'de'] as const;
export const LanguageSchema = z.enum(languages);
export type Language = z.infer<typeof LanguageSchema>;

/** Secrets the app knows; each is stored in the OS keychain under `<clientId>/<name>`. */
export const secretNames = [
  'braze.apiKey',
  'jacquard.awsAccessKeyId',
  'jacquard.awsSecretAccessKey',
  'jacquard.connectToken',
  'odp.apiKey',
  'odp.currentsToken',
] as const;
export const SecretNameSchema = z.enum(secretNames);
export type SecretName = z.infer<typeof SecretNameSchema>;

/** The environment variable the CLI reads a secret from when it runs on a client file. */
export const secretEnvVars: Record<SecretName, string> = {
  'braze.apiKey': 'BRAZE_API_KEY',
  'jacquard.awsAccessKeyId': 'JACQUARD_AWS_ACCESS_KEY_ID',
  'jacquard.awsSecretAccessKey': 'JACQUARD_AWS_SECRET_ACCESS_KEY',
  'jacquard.connectToken': 'JACQUARD_CONNECT_TOKEN',
  'odp.apiKey': 'ODP_API_KEY',
  'odp.currentsToken': 'ODP_CURRENTS_TOKEN',
};

export const ClientIdSchema = z.uuid();
export const IsoDateSchema = z.iso.datetime({ offset: true });

/** Guide item ids (steps, inputs, confirmations, checks) are dotted lowercase words. */
export const ItemIdSchema = z
  .string()
  .min(1)
  .max(120)
  .regex(/^[a-z0-9]+([._-][a-zA-Z0-9]+)*$/);
