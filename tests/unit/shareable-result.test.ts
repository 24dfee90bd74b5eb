import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { computeChecksum } from '../../shared/bundle/checksum.ts';
import { bundleFromClient, clientFromBundle } from '../../shared/bundle/convert.ts';
import { parseBundle } from '../../shared/bundle/parse.ts';
import { shareableResult } from '../../shared/checks/shareable-result.ts';
import type { CheckResult } from '../../shared/types/checks.ts';
import { buildReportModel } from '../../main/reports/model.ts';
import { renderMarkdown } from '../../main/reports/markdown.ts';
import { reportTranslator } from '../../main/reports/export.ts';
import { reviewClient } from '../support/review-client.ts';

// Jacquard's bucket is shared by its customers: what a result shows only in the app (a near miss
// of the client's folder) and what older versions kept of the bucket's other folders never leave.

const at = new Date().toISOString();
const folderResult = (extra: Partial<CheckResult>): CheckResult => ({
  id: 's3.folder',
  status: 'warn',
  messageKey: 'checks-jacquard:s3.folder.caseMismatch',
  params: { folder: 'Acme-Retail' },
  details: { folder: 'Acme-Retail', spaces: false },
  durationMs: 30,
  at,
  ...extra,
});
const nearMiss = folderResult({
  appOnlyNote: {
    messageKey: 'checks-jacquard:s3.folder.nearMissNote',
    params: { found: 'acme-retail-uk' },
  },
});
/** As versions before the fix stored them: other clients' folders in details and messages. */
const legacy: CheckResult[] = [
  folderResult({
    messageKey: 'checks-jacquard:s3.folder.notFound',
    params: { folder: 'umbrella', others: 'globex-corp, initech' },
    details: { folder: 'umbrella', existing: ['globex-corp', 'initech'], spaces: false },
  }),
  folderResult({
    params: { folder: 'Hooli', found: 'hooli' },
    details: { folder: 'Hooli', existing: ['globex-corp', 'hooli'], spaces: false },
  }),
  folderResult({
    messageKey: 'checks-jacquard:s3.folder.spaces',
    params: { folder: 'hoo li', finding: 'spacingMismatch', found: 'hooli' },
    details: { folder: 'hoo li', existing: ['hooli', 'initech'], spaces: true },
  }),
];
/** Names of other clients' folders, and `hooli` as a whole name (the near miss of `Hooli`). */
const otherNames = /globex-corp|initech|"hooli"|acme-retail-uk/;

describe('shareable results', () => {
  it('drop the app-only note and keep the rest as it is', () => {
    const expected: CheckResult = { ...nearMiss };
    delete expected.appOnlyNote;
    assert.deepEqual(shareableResult(nearMiss), expected);
    const other: CheckResult = { ...nearMiss, id: 'braze.api_key' };
    assert.equal(shareableResult(other).appOnlyNote, undefined);
  });

  it("drop older versions' lists of the bucket's folders, keeping Braze's default folder", () => {
    for (const result of legacy) {
      const shared = shareableResult(result);
      assert.doesNotMatch(JSON.stringify(shared), otherNames, result.messageKey);
      assert.equal(shared.params.folder, result.params.folder);
    }
    const brazeDefault = folderResult({
      messageKey: 'checks-jacquard:s3.folder.brazeDefault',
      params: { folder: 'hooli', found: 'currents' },
    });
    assert.deepEqual(shareableResult(brazeDefault).params, { folder: 'hooli', found: 'currents' });
  });

  it('a bundle and a report of a client leave them out; a bundle imported from an older version too', async () => {
    const client = reviewClient();
    client.checkResults['s3.folder'] = nearMiss;
    const bundle = await bundleFromClient(client);
    assert.doesNotMatch(JSON.stringify(bundle), otherNames);
    const t = reportTranslator('en');
    const model = buildReportModel(client, {
      language: 'en',
      t,
      staleAfterHours: 24,
      now: new Date(),
      appVersion: 'test',
    });
    assert.doesNotMatch(renderMarkdown(model, t), otherNames);

    for (const result of legacy) {
      // The checksum is computed without the one the document holds.
      const old = { ...bundle, checkResults: { 's3.folder': result } };
      const parsed = await parseBundle(
        JSON.stringify({ ...old, checksum: await computeChecksum(old) }),
        { requireChecksum: true },
      );
      assert.ok(parsed.ok, JSON.stringify(parsed));
      const imported = clientFromBundle(parsed.bundle, client.id);
      assert.doesNotMatch(JSON.stringify(imported.checkResults), otherNames);
      assert.doesNotMatch(JSON.stringify(await bundleFromClient(imported)), otherNames);
    }
  });

  it('a bundle may not bring an app-only note in', async () => {
    const crafted = {
      ...(await bundleFromClient(reviewClient())),
      checkResults: { 's3.folder': nearMiss },
    };
    const parsed = await parseBundle(
      JSON.stringify({ ...crafted, checksum: await computeChecksum(crafted) }),
      { requireChecksum: true },
    );
    assert.equal(parsed.ok, false);
  });
});
