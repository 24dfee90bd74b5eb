import { JACQUARD_BUCKET } from '../../shared/guides/jacquard.ts';

/** Edit distance, for "did you mean" (names are at most 63 characters). */
function distance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(
        prev[j]! + 1,
        row[j - 1]! + 1,
        prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    }
    prev = row;
  }
  return prev[b.length]!;
}

export type BucketNameProblem =
  | { kind: 'upperCase'; suggestion: string }
  | { kind: 'invalid' }
  | { kind: 'nearMiss'; suggestion: string };

/**
 * Mistakes seen in practice: upper case (S3 names are lower case), a translated page's
 * `frasee-…`, or a typo a few letters away from Jacquard's bucket name.
 */
export function bucketNameProblem(name: string): BucketNameProblem | null {
  if (name !== name.toLowerCase()) return { kind: 'upperCase', suggestion: name.toLowerCase() };
  if (!/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(name)) return { kind: 'invalid' };
  if (name === JACQUARD_BUCKET) return null;
  const d = distance(name, JACQUARD_BUCKET);
  const looksLikeIt = name.endsWith('-braze-currents-exports') || d <= 4;
  return looksLikeIt ? { kind: 'nearMiss', suggestion: JACQUARD_BUCKET } : null;
}
