import type { z } from 'zod';
import type { Guide } from '../guides/types.ts';
import type { CheckResult } from '../types/checks.ts';
import type { Tree } from '../i18n/options.ts';
import type { ClientInputs } from '../secret-hosts/destination.ts';
import type { ArtifactDef } from './artifacts.ts';

/** A namespace file: every language's texts side by side, `{ en: {...}, fr: {...}, … }`. */
export type NamespaceFile = Readonly<Record<string, Tree>>;

/** A secret kept in the keychain under `<clientId>/<name>`, read by the CLI from `envVar`. */
export interface SecretDef {
  readonly name: string;
  readonly envVar: string;
  /**
   * Where the app sends it, as a client's inputs say now (`shared/secret-hosts/`): the origin of
   * the endpoint they name, or the service's own fixed hosts; null while they name none. Absent
   * for a secret the app never sends anywhere.
   */
  readonly sentTo?: (client: ClientInputs) => string | null;
}

/** Something a check never does unasked; the CSM ticks it before a run. */
export interface OptInDef {
  readonly id: string;
  readonly checks: readonly string[];
}

/**
 * What one integration contributes to the shared half of the app (contract, store, renderer,
 * CLI): the core derives every list it needs from these, and names no integration itself.
 */
export interface IntegrationDescription {
  readonly id: string;
  /**
   * The guide a CSM follows for a client who picks this integration. A platform that partners
   * build on (Braze) has none: it is never picked alone, its checks run as the guides name them.
   */
  readonly guide?: Guide;
  readonly secrets: readonly SecretDef[];
  /**
   * Its part of the client file: the section's key, which is also the prefix of the inputs it
   * holds (`<key>.<field>` ← `"<key>": { "<field>": … }`), and the section's schema.
   */
  readonly clientFileSection?: { readonly key: string; readonly schema: z.ZodObject };
  readonly optIns: readonly OptInDef[];
  readonly artifacts: readonly ArtifactDef[];
  /** Hosts (and their subdomains) whose https pages may open in the system browser. */
  readonly linkHosts: readonly string[];
  /**
   * By check id: what an older version of one of its checks kept in a result that must never leave
   * the app (another client's name …), taken out wherever a result is exported or imported.
   */
  readonly resultScrubs?: Readonly<Record<string, (result: CheckResult) => CheckResult>>;
}

/**
 * An integration's texts, apart from its description so that the renderer's first bundle holds
 * none of them: the renderer loads one language at a time (renderer/locale-chunks.ts).
 */
export interface IntegrationTexts {
  /** The integration's own text namespaces (its guide's, its checks' …). */
  readonly namespaces: Readonly<Record<string, NamespaceFile>>;
  /** Keys it adds to the core's namespaces (its check names in `checks`, its label in `app` …). */
  readonly contributions: Readonly<Record<string, NamespaceFile>>;
}
