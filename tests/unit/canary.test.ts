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

test('a canary is also found with lower case hex, as HTML references, and cut down to 12 characters', () => {
  const embedded = [
    `k=${encodeURIComponent(canary.value).replace(/%[0-9A-F]{2}/g, (h) => h.toLowerCase())}`,
    `<p>${canary.value.replace(/[^A-Za-z0-9]/g, (c) => `&#${c.charCodeAt(0)};`)}</p>`,
    `<p>${canary.value.replace(/[^A-Za-z0-9]/g, (c) => `&#x${c.charCodeAt(0).toString(16)};`)}</p>`,
    `Invalid key: ${canary.value.slice(0, 12)}…`,
    Buffer.from(`Bearer ${canary.value}`).toString('base64'),
  ];
  for (const text of embedded) {
    assert.notDeepEqual(findCanaries(text, [canary], 'x'), [], text);
  }
  assert.deepEqual(findCanaries(`Invalid key: ${canary.value.slice(0, 11)}…`, [canary], 'x'), []);
});
