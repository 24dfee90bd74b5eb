import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseBundle } from '../../shared/bundle/parse.ts';

// A client file (or bundle) that is not JSON is placed by line and column, never quoted: in a
// mistaken file (a `.env`, a bare key) the text around the error is a secret.
const cases: [string, number, number][] = [
  ['BRAZE_API_KEY=QZXW9931\n', 1, 1],
  ['{ nope', 1, 3],
  ['{\n  "name": "Acme",\n  "braze": QZXW9931\n}', 3, 12],
  ['{"version": 2} QZXW', 1, 16],
  ['[1,]', 1, 4],
  ['{\r\n  "name": tru }', 2, 14],
  // Cut short: placed at its end.
  ['{"name": "Acme", "braze": {', 1, 28],
  ['', 1, 1],
];

for (const [raw, line, column] of cases) {
  test(`a file that is not JSON is placed, never quoted: ${JSON.stringify(raw)}`, async () => {
    assert.deepEqual(await parseBundle(raw, { requireChecksum: false }), {
      ok: false,
      problem: { key: 'notJson', params: { line, column } },
    });
  });
}
