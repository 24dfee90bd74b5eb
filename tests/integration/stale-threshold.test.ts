import assert from 'node:assert/strict';
import { test } from 'node:test';
import { defaultSettings } from '../../shared/types/settings.ts';
import { dispatch } from '../../main/handlers/dispatch.ts';
import { createHandlerTable } from '../../main/handlers/table.ts';
import { createServices } from '../../main/services.ts';
import { ClientStore } from '../../main/store/client-store.ts';
import { memoryKeychain } from '../support/memory-keychain.ts';
import { seedReviewClient } from '../support/review-client.ts';
import { tempDir } from '../support/temp-dir.ts';
import { handlerCaller } from '../support/handler-caller.ts';

test('the stale threshold: 24 hours in a fresh store; changing it re-marks the dashboard and the report', async (t) => {
  const home = await tempDir(t);
  const client = await seedReviewClient(home);
  const services = await createServices({ home, mode: 'browser', keychain: memoryKeychain() });
  const call = handlerCaller(services);

  assert.equal(defaultSettings.staleAfterHours, 24);
  assert.equal((await call('settings:get', {})).staleAfterHours, 24);

  const staleness = async () => {
    const overview = await call('clients:overview', {});
    const html = (await call('reports:export', { clientId: client.id, format: 'html' })).content;
    return {
      threshold: overview.staleAfterHours,
      dashboard: overview.rows.find((row) => row.id === client.id)?.stale,
      reportTags: html.split('<span class="tag tag-stale">').length - 1,
      odpTagged: /<tr data-check-id="odp\.api_key">(?:(?!<\/tr>).)*tag-stale/.test(html),
    };
  };
  const odpStale = { dashboard: 1, reportTags: 1, odpTagged: true };
  const noneStale = { dashboard: 0, reportTags: 0, odpTagged: false };

  assert.deepEqual(await staleness(), { threshold: 24, ...odpStale });
  assert.equal((await call('settings:update', { staleAfterHours: 72 })).staleAfterHours, 72);
  assert.deepEqual(await staleness(), { threshold: 72, ...noneStale });

  // A threshold out of range is refused with a message, and the one set stays.
  const refused = await dispatch(
    createHandlerTable(services),
    'settings:update',
    { staleAfterHours: 0 },
    services.t,
  );
  assert.equal(refused.ok, false);
  assert.ok(!refused.ok && refused.error.message.length > 0);
  assert.equal((await call('settings:get', {})).staleAfterHours, 72);

  await call('settings:update', { staleAfterHours: 24 });
  assert.deepEqual(await staleness(), { threshold: 24, ...odpStale });
  // The setting is the store's: another process (the CLI) sees it too.
  assert.equal((await ClientStore.open(home)).settings().staleAfterHours, 24);
});
