/**
 * A check's display name lives at `name.<check id>` in the engine's `checks` namespace (nested by
 * the id's dots). The last key is a generic label naming the id, so a row is never blank.
 */
export const checkNameKeys = (checkId: string): string[] => [
  `checks:name.${checkId}`,
  'app:checks.unnamed',
];
