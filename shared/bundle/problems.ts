/**
 * Why a document is not a usable bundle: the key of a translated message in the `reports`
 * namespace (`bundle.problems.*`) and its parameters. `field` is a path such as
 * `inputs["<section>.<field>"]` or `checkResults["braze.api_key"].status`.
 */
export interface BundleProblem {
  key: BundleProblemKey;
  params: Record<string, string | number>;
}

export const bundleProblemKeys = [
  'tooLarge',
  'notJson',
  'notObject',
  'forbiddenKey',
  'tooDeep',
  'tooManyEntries',
  'stringTooLong',
  'missingVersion',
  'newerVersion',
  'unknownVersion',
  'missingField',
  'wrongType',
  'unknownField',
  'secretField',
  'invalidValue',
  'controlCharacters',
  'checksumMissing',
  'checksumMismatch',
] as const;
export type BundleProblemKey = (typeof bundleProblemKeys)[number];

/** JSON types a field may have been expected to be, each with a translated name. */
export const expectedTypes = ['string', 'number', 'boolean', 'object', 'array'] as const;

const identifier = /^[A-Za-z_$][\w$]*$/;

/** A JavaScript-like path people can find in the file: `a.b[0]["dotted.key"]`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else {
      const key = String(segment);
      if (identifier.test(key)) out += out === '' ? key : `.${key}`;
      else out += `[${JSON.stringify(key)}]`;
    }
  }
  return out === '' ? '(file)' : out;
}

/** The message's i18n key. */
export const problemMessageKey = (problem: BundleProblem): string =>
  `reports:bundle.problems.${problem.key}`;

/** The problem as one translated sentence (`t` translates in the reader's language). */
export function bundleProblemText(
  problem: BundleProblem,
  t: (key: string, params?: Record<string, unknown>) => string,
): string {
  const params: Record<string, unknown> = { ...problem.params };
  if (problem.key === 'wrongType')
    params.expected = t(`reports:bundle.types.${problem.params.expected}`);
  return t(problemMessageKey(problem), params);
}

/** The problem and that nothing changed: what the CSM reads wherever an import is refused. */
export const bundleRefusalText = (
  problem: BundleProblem,
  t: (key: string, params?: Record<string, unknown>) => string,
): string => `${bundleProblemText(problem, t)} ${t('reports:bundle.nothingImported')}`;
