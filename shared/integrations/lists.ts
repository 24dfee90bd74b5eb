import { z } from 'zod';
import type { Guide } from '../guides/types.ts';
import type { CheckResult } from '../types/checks.ts';
import { integrations } from './registry.ts';
import type { ArtifactDef } from './artifacts.ts';
import type { IntegrationDescription, OptInDef } from './types.ts';

type Registered = (typeof integrations)[number];
type Partner = Extract<Registered, { guide: Guide }>;

/** Every registered integration's id, the platform (Braze) included: `--only` and check owners. */
export type ModuleId = Registered['id'];
/** The integrations a CSM picks for a client: those with a guide. */
export type IntegrationId = Partner['id'];
export type SecretName = Registered['secrets'][number]['name'];

const all: readonly IntegrationDescription[] = integrations;
const partners = integrations.filter((i): i is Partner => 'guide' in i);

export const moduleIds = integrations.map((i) => i.id) as readonly ModuleId[];
export const integrationIds = partners.map((i) => i.id) as [IntegrationId, ...IntegrationId[]];
export const IntegrationIdSchema = z.enum(integrationIds);

export const secretNames = all.flatMap((i) => i.secrets.map((s) => s.name)) as [
  SecretName,
  ...SecretName[],
];
export const SecretNameSchema = z.enum(secretNames);

/** The environment variable the CLI reads a secret from when it runs on a client file. */
export const secretEnvVars = Object.fromEntries(
  all.flatMap((i) => i.secrets.map((s) => [s.name, s.envVar])),
) as Readonly<Record<SecretName, string>>;

export const guides = Object.fromEntries(partners.map((i) => [i.id, i.guide])) as Readonly<
  Record<IntegrationId, Guide>
>;

type ClientFileSection = Extract<Registered, { clientFileSection: unknown }>['clientFileSection'];
/** Each integration's part of the client file, typed, so the file's type names every section. */
export const clientFileSections = integrations.flatMap((i) =>
  'clientFileSection' in i ? [i.clientFileSection] : [],
) as readonly ClientFileSection[];

export const knownOptIns: readonly OptInDef[] = all.flatMap((i) => i.optIns);
export const knownArtifacts: readonly ArtifactDef[] = all.flatMap((i) => i.artifacts);
export const linkHostSuffixes: readonly string[] = all.flatMap((i) => i.linkHosts);

/** What older results of each check must lose before they leave the app (see `shareableResult`). */
export const resultScrubs: Readonly<Record<string, (result: CheckResult) => CheckResult>> =
  Object.fromEntries(all.flatMap((i) => Object.entries(i.resultScrubs ?? {})));
