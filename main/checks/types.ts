import type { z } from 'zod';
import type { ArtifactDef } from '../../shared/integrations/artifacts.ts';
import type { Client } from '../../shared/types/client.ts';
import type {
  AppOnlyNote,
  CheckResult,
  CheckStatus,
  JsonValue,
  MessageParams,
} from '../../shared/types/checks.ts';
import type { SecretName } from '../../shared/integrations/lists.ts';
import type { HttpClient } from '../net/types.ts';

/** What a check returns; the engine adds id, duration and time. */
export interface CheckOutcome {
  status: Exclude<CheckStatus, 'skipped'> | 'skipped';
  /** `namespace:key` of the translated message. */
  messageKey: string;
  params?: MessageParams;
  details?: JsonValue;
  /** Shown in the app only, never exported (see `AppOnlyNoteSchema`). */
  appOnlyNote?: AppOnlyNote;
}

/** Read access to a client's secrets (keychain in the app, keychain or environment in the CLI). */
export interface SecretReader {
  get(name: SecretName): Promise<string | null>;
}

export interface CheckContext {
  client: Client;
  secrets: SecretReader;
  http: HttpClient;
  signal: AbortSignal;
  /** Opt-ins the CSM ticked for this run (e.g. `s3.write`); a check needing one is skipped without it. */
  optIns: ReadonlySet<string>;
  /** The app has no network: a local check with an optional live part skips that part. */
  offline: boolean;
  /** Reports progress of long work; `total` null when unknown. */
  progress(done: number, total: number | null, label?: string): void;
  /**
   * Keeps data for the UI or for offline use with the client (segments, fields …), held to the
   * artifact's schema: a value that does not fit is a bug, and the check ends without a verdict.
   */
  saveArtifact<S extends z.ZodType>(artifact: ArtifactDef<S>, value: z.input<S>): void;
  /** Results of this check's `dependsOn` checks in the same run. */
  dependencies: ReadonlyMap<string, CheckResult>;
  /**
   * What one of those dependencies saved with `saveArtifact` in this run (the client holds the
   * previous run's until the run ends); undefined when none did.
   */
  dependencyArtifact<S extends z.ZodType>(artifact: ArtifactDef<S>): z.output<S> | undefined;
  /** The run's wall clock: what "now" is for an age or a day (a Currents hour, a schedule's today). */
  now(): Date;
}

export interface CheckRequirements {
  secrets?: readonly SecretName[];
  /** Input ids that must be non-empty. */
  inputs?: readonly string[];
  /** An opt-in the CSM must tick; without it the check is skipped, not failed. */
  optIn?: string;
  /** False for checks that only inspect local data and still run offline. */
  network: boolean;
}

export interface CheckDefinition {
  id: string;
  requires: CheckRequirements;
  /** Checks whose results this one reads; it is skipped when one of them did not pass (or warn). */
  dependsOn?: readonly string[];
  /**
   * Runs once its dependencies have finished, whatever their verdict: their verdicts are what it
   * reports (which permissions another check found missing), or it has a fallback when they found
   * nothing (plans checked against fields saved with the client).
   */
  anyDependencyVerdict?: boolean;
  /** Host the check talks to, for the per-host concurrency cap. */
  host?(client: Client): string | null;
  run(ctx: CheckContext): Promise<CheckOutcome>;
}
