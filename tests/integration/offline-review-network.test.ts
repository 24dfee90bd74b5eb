import assert from 'node:assert/strict';
import { Socket } from 'node:net';
import { test } from 'node:test';
import { inspect } from 'node:util';
import type { EventPayload } from '../../shared/contract/index.ts';
import { guides } from '../../shared/guides/index.ts';
import { createServices } from '../../main/services.ts';
import { handlerCaller } from '../support/handler-caller.ts';
import { memoryKeychain } from '../support/memory-keychain.ts';
import { tempDir } from '../support/temp-dir.ts';

/**
 * Every outbound connection of this process, refused: fetch, the AWS SDK and plain http all open
 * a `net.Socket` and call `connect` on it. (Chromium printing the PDF talks to playwright over
 * pipes and runs offline with every request aborted, see main/reports/pdf.ts.)
 */
function networkTripwire(): { attempts: string[]; restore(): void } {
  const attempts: string[] = [];
  const original = Object.getOwnPropertyDescriptor(Socket.prototype, 'connect')!;
  Object.defineProperty(Socket.prototype, 'connect', {
    ...original,
    value(this: Socket, ...args: unknown[]) {
      attempts.push(inspect(args[0]));
      // As a refused connection fails: after the caller has set its error listeners.
      process.nextTick(() => this.destroy(new Error('the network is off in this test')));
      return this;
    },
  });
  return { attempts, restore: () => Object.defineProperty(Socket.prototype, 'connect', original) };
}

test('an offline review makes no network call: browse, edit, tick, run checks offline, export every format, import', async (t) => {
  const tripwire = networkTripwire();
  t.after(() => tripwire.restore());
  // The tripwire itself works: a request that does try to leave is seen and refused.
  await assert.rejects(fetch('https://rest.fra-01.braze.eu/'));
  assert.equal(tripwire.attempts.length, 1, 'the tripwire missed a fetch');
  tripwire.attempts.length = 0;

  const services = await createServices({
    home: await tempDir(t),
    mode: 'browser',
    env: {},
    keychain: memoryKeychain(),
  });
  const call = handlerCaller(services);
  await call('settings:update', { csmName: 'Dana Moreau' });
  const { id: clientId } = await call('clients:create', {
    name: 'Acme Retail',
    integrations: ['jacquard', 'optimizely'],
  });
  // Enough for every check to have something to call, were it to call anything.
  await call('secrets:set', {
    clientId,
    name: 'braze.apiKey',
    value: 'b7e1c2d3-4f5a-6b7c-8d9e-0f1a2b3c4d5e',
  });
  await call('secrets:set', { clientId, name: 'odp.apiKey', value: 'odp-private-key.eu1' });
  for (const [inputId, value] of [
    ['braze.instance', 'EU-01'],
    ['jacquard.s3Folder', 'acme-retail'],
    ['odp.region', 'eu'],
  ] as const) {
    await call('inputs:set', { clientId, inputId, value });
  }
  const confirmation = guides.jacquard.steps[1]!.confirmations[0]!;
  await call('confirmations:set', {
    clientId,
    confirmationId: confirmation.id,
    done: true,
    note: 'Checked on the train',
  });

  // Browsing: what the dashboard, a client's page and its checklist ask for.
  await call('clients:list', {});
  await call('clients:overview', {});
  await call('clients:get', { id: clientId });
  await call('secrets:status', { clientId });
  await call('odp:getPlan', { clientId });

  const finished = new Promise<void>((resolve) => {
    const stop = services.events.subscribe((name, payload) => {
      if (name === 'checks:finished' && (payload as EventPayload<'checks:finished'>).runId) {
        stop();
        resolve();
      }
    });
  });
  const run = await call('checks:run', { clientId, offline: true });
  await finished;
  const results = (await call('clients:get', { id: clientId })).checkResults;
  assert.ok(run.checkIds.length > 10, 'the run covered both guides');
  assert.equal(results['braze.api_key']?.messageKey, 'checks:skip.offline');

  const exported: Record<string, string> = {};
  for (const format of ['json', 'html', 'md', 'pdf'] as const) {
    exported[format] = (await call('reports:export', { clientId, format, language: 'fr' })).content;
  }
  assert.ok(exported.html?.includes('Dana Moreau'));
  assert.ok(Buffer.from(exported.pdf!, 'base64').subarray(0, 5).toString() === '%PDF-');
  await call('bundles:inspect', { text: exported.json! });
  await call('bundles:import', { text: exported.json!, onConflict: 'new' });

  assert.deepEqual(tripwire.attempts, [], 'an outbound connection was attempted');
});
