import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findCanaries } from '../support/canary.ts';

const canary = { label: 'odp.apiKey', value: 'canary/odp+Zx81-Qp0_rT7mWv2' };

test('a canary is found typed, URL-encoded, JSON-escaped, and inside longer base64 at any alignment', () => {
  const embedded = [
    `key=${canary.value}`,
    `https://x.example/?token=${encodeURIComponent(canary.value)}&u=1`,
    `q=${new URLSearchParams({ v: canary.value }).toString().slice(2)}`,
    JSON.stringify({ message: `"${canary.value}"` }),
    ...['', 'u:', 'us:'].map(
      (prefix) => `Basic ${Buffer.from(`${prefix}${canary.value}!`).toString('base64')}`,
    ),
    Buffer.from(`ab${canary.value}`).toString('base64url'),
  ];
  for (const text of embedded) {
    assert.notDeepEqual(findCanaries(text, [canary], 'x'), [], text);
  }
});

test('a text without the canary, or with only its last characters, has no finding', () => {
  assert.deepEqual(findCanaries(`••••${canary.value.slice(-4)} set`, [canary], 'x'), []);
  assert.deepEqual(findCanaries(Buffer.from('unrelated').toString('base64'), [canary], 'x'), []);
});
