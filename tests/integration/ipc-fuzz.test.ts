import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, it, type TestContext } from 'node:test';
import fc from 'fast-check';
import { z } from 'zod';
import { dispatch } from '../../main/handlers/dispatch.ts';
import { createHandlerTable } from '../../main/handlers/table.ts';
import { createServices, type Services } from '../../main/services.ts';
import { channels, contract, type Channel } from '../../shared/contract/index.ts';
import { AppErrorSchema, errorCodes } from '../../shared/errors.ts';
import { languages } from '../../shared/types/ids.ts';
import { integrationIds, secretNames } from '../../shared/integrations/lists.ts';
import { memoryKeychain, type MemoryKeychain } from '../support/memory-keychain.ts';
import { tempDir } from '../support/temp-dir.ts';

// Every channel of the contract gets ≥ 1,000 malformed payloads through the same `dispatch` that
// Electron IPC and browser mode use: each must come back as a typed result, never as a throw, and a
// rejected payload must leave the store file byte-for-byte as it was and the keychain as it was.
// Every request in the contract is an object, so anything else is refused on every channel, even
// those whose request has no fields.
const runsPerChannel = 1000;

const WireSchema = z.union([
  z.object({ ok: z.literal(true), value: z.unknown() }).strict(),
  z.object({ ok: z.literal(false), error: AppErrorSchema.strict() }).strict(),
]);

const pollutionKeys = ['__proto__', 'constructor', 'prototype'] as const;

/** A value nested `depth` levels deep, alternating objects and arrays. */
const nest = (depth: number): unknown => {
  let value: unknown = 'bottom';
  for (let i = 0; i < depth; i++) value = i % 2 ? [value] : { a: value };
  return value;
};

/** Objects whose own keys are `__proto__`, `constructor` or `prototype`, as JSON.parse makes them. */
const pollutedObject = (base: Record<string, unknown>) =>
  fc
    .tuple(
      fc.constantFrom(...pollutionKeys),
      fc.constantFrom<unknown>(
        { polluted: 'yes' },
        { prototype: { polluted: 'yes' } },
        'polluted',
        null,
        [1],
      ),
    )
    .map(([key, value]) => Object.fromEntries([...Object.entries(base), [key, value]]) as unknown);

const hostile: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>(NaN, Infinity, -Infinity, -0, null, undefined, '', [], {}),
  fc.boolean(),
  fc.integer(),
  fc.double(),
  fc.bigInt(),
  fc.string(),
  fc.string({ unit: 'grapheme', maxLength: 200 }),
  fc.date(),
  fc.integer({ min: 10_000, max: 2_000_000 }).map((n) => 'x'.repeat(n)),
  fc.integer({ min: 100, max: 3_000 }).map(nest),
  fc.integer({ min: 1_000, max: 200_000 }).map((n) => new Array<number>(n).fill(7)),
  fc.constant(Object.create(null) as unknown),
  pollutedObject({}),
);

interface Fixture {
  services: Services;
  storeFile: string;
  keychain: MemoryKeychain;
  clientId: string;
}

/** Values that look right, so payloads get past the outer checks and deeper into handlers. */
const nearValid = (f: Fixture): fc.Arbitrary<unknown> =>
  fc.oneof(
    fc.constant(f.clientId),
    fc.uuid(),
    fc.constant(randomUUID().toUpperCase()),
    fc.constantFrom<unknown>(...secretNames, ...integrationIds, ...languages),
    fc.constantFrom<unknown>('jacquard.s3Folder', 'braze.instance', 'Acme Retail', 'x'.repeat(121)),
    fc.subarray([...integrationIds]),
    fc.boolean(),
    fc.integer({ min: -5, max: 5000 }),
  );

/** The request's top-level field names, read from the contract (not hard-coded here). */
function fieldsOf(channel: Channel): string[] {
  const shape = (contract[channel].request as { shape?: Record<string, unknown> }).shape;
  return shape ? Object.keys(shape) : [];
}

function payloads(channel: Channel, f: Fixture): fc.Arbitrary<unknown> {
  const fields = fieldsOf(channel);
  const value = fc.oneof(nearValid(f), hostile);
  const record = (keys: string[]) =>
    fc
      .tuple(...keys.map(() => value))
      .map((values) => Object.fromEntries(keys.map((key, i) => [key, values[i]])));
  const withFields = fields.length ? record(fields) : fc.constant({});
  return fc.oneof(
    // Not an object at all, or an arbitrary structure.
    hostile,
    fc.anything({ maxDepth: 4, withNullPrototype: true, withBoxedValues: true, withMap: true }),
    // The right field names with wrong (or right) values.
    withFields,
    // Some fields missing.
    fc.subarray(fields).chain(record),
    // Right fields plus prototype-pollution keys.
    withFields.chain(pollutedObject),
    // An array where the object should be.
    withFields.map((o) => Object.values(o)),
    withFields.map((o) => [o]),
  );
}

/** What no request schema of the contract accepts: a primitive, null, undefined or an array. */
const notAnObject = (payload: unknown): boolean =>
  typeof payload !== 'object' || payload === null || Array.isArray(payload);

const protoSnapshot = (): string[] =>
  [Object.prototype, Array.prototype, Function.prototype].flatMap((p) =>
    Reflect.ownKeys(p).map(String),
  );

// Payloads that happen to be valid may start checks (`checks:run`, `braze:findInstance`): none may
// reach a real partner. The fixture client has no secrets, so checks skip; this tripwire records
// any request that gets out anyway, and refuses it.
const outbound: string[] = [];
globalThis.fetch = (input: string | URL | Request) => {
  outbound.push(input instanceof Request ? input.url : String(input));
  return Promise.reject(new TypeError('network is off in the IPC fuzz test'));
};

/** A fresh store with one client per channel, so a lucky valid `clients:delete` spoils nothing. */
async function setup(t: TestContext) {
  const home = await tempDir(t, 'partner-setup-fuzz-');
  const keychain = memoryKeychain();
  const services = await createServices({ home, mode: 'browser', keychain });
  const client = await services.store.create({ name: 'Acme Retail', integrations: ['jacquard'] });
  // A secret whose only check needs no network, so a lucky valid `checks:run` stays offline; a
  // rejected `secrets:set` or `clients:delete` that touched the keychain would show.
  await services.secrets.set(client.id, 'jacquard.connectToken', 'fuzz-connect-token-0123');
  const fixture: Fixture = {
    services,
    storeFile: join(home, 'store.json'),
    keychain,
    clientId: client.id,
  };
  return { fixture, table: createHandlerTable(services), runs: trackRuns(services) };
}

/**
 * A lucky valid `checks:run` goes on in the background and saves its results when it ends; the
 * next payload's "store untouched" comparison must not straddle that save.
 */
function trackRuns(services: Fixture['services']) {
  const finished = new Set<string>();
  const waiting = new Map<string, () => void>();
  services.events.subscribe((event, payload) => {
    if (event !== 'checks:finished') return;
    const { runId } = payload as { runId: string };
    finished.add(runId);
    waiting.get(runId)?.();
  });
  return {
    settled: (result: unknown): Promise<void> => {
      const runId = (result as { runId?: unknown } | null)?.runId;
      if (typeof runId !== 'string' || finished.has(runId)) return Promise.resolve();
      return new Promise((resolve) => waiting.set(runId, resolve));
    },
  };
}

describe('IPC fuzz: every channel of the contract', () => {
  const prototypesBefore = protoSnapshot();

  it('covers every channel in the contract', () => {
    assert.ok(channels.length >= 10, `only ${channels.length} channels found`);
  });

  for (const channel of channels) {
    it(`${channel}: ${runsPerChannel} malformed payloads → typed results, store and keychain untouched when rejected`, async (t) => {
      const { fixture, table, runs } = await setup(t);
      let rejected = 0;
      let nonObjects = 0;
      await fc.assert(
        fc.asyncProperty(payloads(channel, fixture), async (payload) => {
          const before = await readFile(fixture.storeFile);
          const secretsBefore = fixture.keychain.snapshot();
          let result: unknown;
          try {
            result = await dispatch(table, channel, payload, fixture.services.t);
          } catch (error) {
            assert.fail(`dispatch threw: ${String(error)}`);
          }
          const wire = WireSchema.parse(result);
          if (notAnObject(payload)) {
            nonObjects++;
            assert.equal(wire.ok, false, `${Object.prototype.toString.call(payload)} was accepted`);
          }
          if (wire.ok) {
            // A payload that happened to be valid: the answer still honours the contract.
            contract[channel].response.parse(wire.value);
            if (channel === 'checks:run') await runs.settled(wire.value);
            return;
          }
          rejected++;
          assert.ok(errorCodes.includes(wire.error.code));
          assert.notEqual(wire.error.code, 'INTERNAL', `unexpected failure: ${wire.error.message}`);
          assert.ok(wire.error.message.length > 0 && wire.error.message.length < 500);
          if (notAnObject(payload)) assert.equal(wire.error.code, 'BAD_REQUEST');
          assert.ok((await readFile(fixture.storeFile)).equals(before), 'store changed');
          assert.deepEqual(fixture.keychain.snapshot(), secretsBefore, 'keychain changed');
          assert.deepEqual(protoSnapshot(), prototypesBefore);
          assert.equal(({} as Record<string, unknown>).polluted, undefined);
        }),
        { numRuns: runsPerChannel },
      );
      // Enough non-objects were tried for the refusal above to mean something on every channel.
      assert.ok(nonObjects > runsPerChannel / 10, `only ${nonObjects} non-object payloads`);
      // Requests without fields accept any object; the others must have refused most of the noise.
      if (fieldsOf(channel).length > 0) assert.ok(rejected > runsPerChannel / 2);
    });
  }

  it('sent no request over the network', () => {
    assert.deepEqual(outbound, []);
  });

  it('leaves the prototypes unpolluted', () => {
    assert.deepEqual(protoSnapshot(), prototypesBefore);
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
  });
});
