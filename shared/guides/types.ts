import type { IntegrationId, SecretName } from '../integrations/lists.ts';

/**
 * A guide is data: the renderer draws it, the check engine runs its checks, reports print it.
 * Every user-facing string is an i18n key in the guide's own namespace (`guide.namespace`).
 */

export type InputKind = 'text' | 'multiline' | 'url' | 'email' | 'choice';

interface InputBase {
  /** Global id, e.g. `braze.instance`; guides may share an input (both use the Braze instance). */
  id: string;
  labelKey: string;
  helpKey?: string;
  required: boolean;
}

export interface PlainInput extends InputBase {
  kind: Exclude<InputKind, 'choice'>;
  default?: string;
  placeholder?: string;
  /** JavaScript regular expression source the value must match. */
  pattern?: string;
  /** Key of the message shown when `pattern` does not match. */
  patternMessageKey?: string;
  maxLength?: number;
}

export interface ChoiceInput extends InputBase {
  kind: 'choice';
  options: ReadonlyArray<{ value: string; labelKey?: string; label?: string }>;
  default?: string;
}

export interface SecretInput extends InputBase {
  kind: 'secret';
  secret: SecretName;
  /** Minimum length, so an obviously truncated paste is caught before it reaches the keychain. */
  minLength?: number;
}

export type InputDef = PlainInput | ChoiceInput | SecretInput;

/** A value the CSM types into a dashboard, with a copy button. */
export interface CopyValue {
  id: string;
  labelKey: string;
  /** A literal, or the current value of one of the client's inputs. */
  value: { literal: string } | { fromInput: string; fallback?: string };
}

export interface Confirmation {
  /** Global id, stored with the client: `<stepId>.<name>`. */
  id: string;
  labelKey: string;
}

/** Where in which dashboard the step happens, shown as a breadcrumb. */
export interface Location {
  /** The dashboard, labelled `app:step.apps.<app>` (the integration adds the label). */
  app: string;
  pathKey: string;
  /** Its menus exist in English only, so the path is given in English in every language. */
  englishMenus?: boolean;
}

export interface Step {
  id: string;
  kind: 'prerequisites' | 'step' | 'troubleshooting';
  titleKey: string;
  introKey: string;
  where?: Location;
  /** Ordered instructions, each an i18n key. */
  instructions: readonly string[];
  /** A caution the CSM must not miss (e.g. "no segment means no profiles"). */
  warningKey?: string;
  copyValues: readonly CopyValue[];
  inputs: readonly InputDef[];
  confirmations: readonly Confirmation[];
  /** Ids of automated checks that verify this step. */
  checks: readonly string[];
  /**
   * The seed page items this step covers (`<seed>#<item>`), so a test proves that every step of
   * Braze's partner page is in the app.
   */
  covers: readonly string[];
}

export interface Guide {
  id: IntegrationId;
  /** i18n namespace holding every key this guide names. */
  namespace: string;
  titleKey: string;
  summaryKey: string;
  steps: readonly Step[];
}
