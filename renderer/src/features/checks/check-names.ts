/**
 * Where a check's display name lives: `names.<check id>` in its domain's namespace
 * (`checks-braze`, `checks-jacquard`, `checks-odp`), else in the engine's `checks` namespace.
 * i18next finds `{ "names": { "braze.api_key": "…" } }` as well as the nested form.
 */
const domainNamespace = (checkId: string): string => {
  if (checkId.startsWith('braze.')) return 'checks-braze';
  if (checkId.startsWith('odp.')) return 'checks-odp';
  if (/^(s3|currents|jacquard)\./.test(checkId)) return 'checks-jacquard';
  return 'checks';
};

/** Keys tried in order; the last one is a generic label naming the id, so a row is never blank. */
export const checkNameKeys = (checkId: string): string[] => [
  `${domainNamespace(checkId)}:names.${checkId}`,
  `checks:names.${checkId}`,
  'app:checks.unnamed',
];
