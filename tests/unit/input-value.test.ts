import assert from 'node:assert/strict';
import { test } from 'node:test';
import { inputValue } from '../../shared/guides/index.ts';
import { JACQUARD_BUCKET } from '../../shared/integrations/jacquard/guide.ts';

test('an input the CSM never typed takes the guide’s default', () => {
  assert.equal(inputValue({ inputs: {} }, 'jacquard.s3Bucket'), JACQUARD_BUCKET);
  assert.equal(
    inputValue({ inputs: { 'jacquard.s3Bucket': '  my-bucket ' } }, 'jacquard.s3Bucket'),
    'my-bucket',
  );
  assert.equal(
    inputValue({ inputs: { 'jacquard.s3Bucket': '   ' } }, 'jacquard.s3Bucket'),
    JACQUARD_BUCKET,
  );
});

test('an input without a default is empty until recorded', () => {
  assert.equal(inputValue({ inputs: {} }, 'jacquard.s3Folder'), '');
  assert.equal(inputValue({ inputs: {} }, 'no.such.input'), '');
});
