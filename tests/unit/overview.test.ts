import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  selectRows,
  summarizeClient,
  type ClientOverview,
} from '../../shared/dashboard/overview.ts';
import { guides } from '../../shared/guides/index.ts';
import { reviewClient } from '../support/review-client.ts';

const now = Date.UTC(2026, 10, 20, 12);

describe('client overview', () => {
  it('counts steps whose confirmations are all ticked, failing and stale checks, last validation', () => {
    const client = reviewClient({ now });
    const row = summarizeClient(client, { staleAfterHours: 24, now });
    const withConfirmations = (id: 'jacquard' | 'optimizely') =>
      guides[id].steps.filter((s) => s.confirmations.length > 0).length;
    assert.deepEqual(row.progress, [
      // reviewClient ticks all of Jacquard's prerequisites and half of its step 1.
      { integration: 'jacquard', stepsDone: 1, stepsTotal: withConfirmations('jacquard') },
      { integration: 'optimizely', stepsDone: 0, stepsTotal: withConfirmations('optimizely') },
    ]);
    assert.equal(row.failing, 1);
    assert.equal(row.checked, 3);
    assert.equal(row.stale, 1);
    assert.equal(row.lastValidatedAt, client.checkResults['braze.api_key']?.at);
  });

  it('ignores results of checks that belong to an integration the client does not use', () => {
    const client = { ...reviewClient({ now }), integrations: ['jacquard' as const] };
    const row = summarizeClient(client, { staleAfterHours: 24, now });
    assert.equal(row.checked, 2, 'odp.api_key is not counted');
    assert.equal(row.stale, 0);
  });

  it('a larger threshold makes the old result fresh again', () => {
    const row = summarizeClient(reviewClient({ now }), { staleAfterHours: 72, now });
    assert.equal(row.stale, 0);
  });
});

describe('dashboard selection', () => {
  const row = (name: string, patch: Partial<ClientOverview> = {}): ClientOverview => ({
    id: crypto.randomUUID(),
    name,
    integrations: ['jacquard'],
    updatedAt: new Date(now).toISOString(),
    progress: [{ integration: 'jacquard', stepsDone: 5, stepsTotal: 5 }],
    failing: 0,
    checked: 0,
    stale: 0,
    lastValidatedAt: null,
    ...patch,
  });
  const rows = [
    row('Zeta Café', { failing: 2 }),
    row('acme', { progress: [{ integration: 'jacquard', stepsDone: 1, stepsTotal: 5 }] }),
    row('Beta', { stale: 1, lastValidatedAt: new Date(now - 1000).toISOString() }),
  ];
  const names = (list: ClientOverview[]) => list.map((r) => r.name);

  it('searches names ignoring case and accents', () => {
    assert.deepEqual(names(selectRows(rows, { search: 'cafe', filter: 'all', sort: 'name' })), [
      'Zeta Café',
    ]);
    assert.deepEqual(names(selectRows(rows, { search: 'ACM', filter: 'all', sort: 'name' })), [
      'acme',
    ]);
  });

  it('filters failing, incomplete and stale', () => {
    const only = (filter: 'failing' | 'incomplete' | 'stale') =>
      names(selectRows(rows, { search: '', filter, sort: 'name' }));
    assert.deepEqual(only('failing'), ['Zeta Café']);
    assert.deepEqual(only('incomplete'), ['acme']);
    assert.deepEqual(only('stale'), ['Beta']);
  });

  it('sorts by name, progress, failing and last validation', () => {
    const by = (sort: 'name' | 'progress' | 'failing' | 'lastValidated') =>
      names(selectRows(rows, { search: '', filter: 'all', sort }));
    assert.deepEqual(by('name'), ['acme', 'Beta', 'Zeta Café']);
    assert.deepEqual(by('progress')[0], 'acme');
    assert.deepEqual(by('failing')[0], 'Zeta Café');
    assert.deepEqual(by('lastValidated').at(-1), 'Beta', 'never validated comes first');
  });
});
