import { distance } from 'fastest-levenshtein';
import { JACQUARD_BUCKET } from '../../../../shared/integrations/jacquard/guide.ts';

const isValidName = (name: string) => /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(name);

const wordsOf = (name: string) =>
  name
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);

const [brand = '', ...otherWords] = wordsOf(JACQUARD_BUCKET);

/** Short words tolerate one slip; longer ones two (`frasee` for `phrasee`). */
const sameWord = (a: string, b: string) => distance(a, b) <= (b.length < 6 ? 1 : 2);

/**
 * Jacquard's bucket name as people mangle it: a translated page ("Exports Phrasee-Braze-Currents":
 * words reordered, capitalised, spaced), a dropped word, lost hyphens or a misspelt brand. The
 * brand word is required, so a client's own `acme-braze-currents-exports` is left alone.
 */
function looksLikeJacquards(name: string): boolean {
  const words = wordsOf(name);
  if (distance(words.join(''), [brand, ...otherWords].join('')) <= 3) return true;
  const brandAt = words.findIndex((w) => sameWord(w, brand));
  if (brandAt === -1) return false;
  const rest = words.filter((_, i) => i !== brandAt);
  const matched = otherWords.filter((target) => rest.some((w) => sameWord(w, target))).length;
  return matched >= otherWords.length - 1 && rest.length - matched <= 1;
}

export type BucketNameProblem =
  | { kind: 'upperCase'; suggestion: string }
  | { kind: 'invalid' }
  /** `validName` false: no bucket can be called that, so S3 need not be asked. */
  | { kind: 'nearMiss'; suggestion: string; validName: boolean };

/** A name S3 would refuse, or one that is probably Jacquard's bucket misspelt (always suggesting the real name). */
export function bucketNameProblem(name: string): BucketNameProblem | null {
  if (name === JACQUARD_BUCKET) return null;
  const lower = name.toLowerCase();
  const nearMiss = looksLikeJacquards(name);
  if (name !== lower && isValidName(lower)) {
    return { kind: 'upperCase', suggestion: nearMiss ? JACQUARD_BUCKET : lower };
  }
  if (nearMiss)
    return { kind: 'nearMiss', suggestion: JACQUARD_BUCKET, validName: isValidName(name) };
  return isValidName(name) ? null : { kind: 'invalid' };
}
