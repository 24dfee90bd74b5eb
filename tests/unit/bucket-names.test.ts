import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  bucketNameProblem,
  type BucketNameProblem,
} from '../../main/integrations/jacquard/s3/bucket-names.ts';

const REAL = 'phrasee-braze-currents-exports';

void describe('bucketNameProblem', () => {
  const cases: Array<[string, BucketNameProblem | null]> = [
    [REAL, null],
    // The French partner page's rendering, as written and as a CSM might lower-case it.
    ['Exports Phrasee-Braze-Currents', { kind: 'nearMiss', suggestion: REAL, validName: false }],
    ['exports phrasee-braze-currents', { kind: 'nearMiss', suggestion: REAL, validName: false }],
    ['exports-phrasee-braze-currents', { kind: 'nearMiss', suggestion: REAL, validName: true }],
    ['phrasee-braze-currents', { kind: 'nearMiss', suggestion: REAL, validName: true }],
    ['frasee-braze-currents-exports', { kind: 'nearMiss', suggestion: REAL, validName: true }],
    ['phrasee_braze_currents_exports', { kind: 'nearMiss', suggestion: REAL, validName: false }],
    ['phrasee.braze.currents.exports', { kind: 'nearMiss', suggestion: REAL, validName: true }],
    ['phraseebrazecurrentsexports', { kind: 'nearMiss', suggestion: REAL, validName: true }],
    ['phrasee-braze-current-export', { kind: 'nearMiss', suggestion: REAL, validName: true }],
    ['Phrasee-Braze-Currents-Exports', { kind: 'upperCase', suggestion: REAL }],
    ['Frasee-Braze-Currents-Exports', { kind: 'upperCase', suggestion: REAL }],
    ['Acme-Exports', { kind: 'upperCase', suggestion: 'acme-exports' }],
    ['Acme Exports', { kind: 'invalid' }],
    ['acme_exports', { kind: 'invalid' }],
    ['ab', { kind: 'invalid' }],
    // A client's own buckets: sharing words with Jacquard's is not a mistake.
    ['acme-braze-currents-exports', null],
    ['braze-currents-exports', null],
    ['phrasee-exports', null],
    ['jacquard-eu-exports', null],
    ['acme-retail-exports', null],
  ];
  for (const [name, expected] of cases) {
    void test(`"${name}"`, () => {
      assert.deepEqual(bucketNameProblem(name), expected);
    });
  }
});
