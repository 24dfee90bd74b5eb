import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { brazeInstanceIds, brazeInstances } from '../../shared/integrations/braze/instances.ts';
import { resolveBrazeEndpoint } from '../../shared/integrations/braze/resolve-endpoint.ts';
import { brazeRestEndpointInput } from '../../shared/integrations/braze/guide-inputs.ts';
import { documentedBrazeInstanceIds } from '../support/braze-reference.ts';

describe('Braze instance table', () => {
  it('lists every instance in the reference, each with an https REST endpoint', () => {
    assert.deepEqual(brazeInstanceIds, documentedBrazeInstanceIds);
    for (const instance of brazeInstances)
      assert.match(instance.restEndpoint, /^https:\/\/rest\.[a-z]+-\d\d\.braze\.(com|eu)$/);
  });
});

describe('resolving a pasted dashboard URL or REST endpoint', () => {
  const known: [string, string, string][] = [
    [
      'https://dashboard-03.braze.com/dashboard/home?locale=en',
      'US-03',
      'https://rest.iad-03.braze.com',
    ],
    ['dashboard-05.braze.com', 'US-05', 'https://rest.iad-05.braze.com'],
    ['https://rest.iad-07.braze.com/', 'US-07', 'https://rest.iad-07.braze.com'],
    ['REST.IAD-01.BRAZE.COM', 'US-01', 'https://rest.iad-01.braze.com'],
    ['https://sdk.iad-08.braze.com', 'US-08', 'https://rest.iad-08.braze.com'],
    ['https://dashboard-10.braze.com', 'US-10', 'https://rest.us-10.braze.com'],
    ['https://dashboard.us-10.braze.com/app', 'US-10', 'https://rest.us-10.braze.com'],
    ['https://rest.us-10.braze.com', 'US-10', 'https://rest.us-10.braze.com'],
    ['https://rest.iad-10.braze.com', 'US-10', 'https://rest.us-10.braze.com'],
    ['https://dashboard-01.braze.eu/users', 'EU-01', 'https://rest.fra-01.braze.eu'],
    ['rest.fra-02.braze.eu', 'EU-02', 'https://rest.fra-02.braze.eu'],
    ['https://dashboard.au-01.braze.com', 'AU-01', 'https://rest.au-01.braze.com'],
    ['https://rest.id-01.braze.com', 'ID-01', 'https://rest.id-01.braze.com'],
    ['https://dashboard.jp-01.braze.com', 'JP-01', 'https://rest.jp-01.braze.com'],
    ['  https://rest.kr-01.braze.com  ', 'KR-01', 'https://rest.kr-01.braze.com'],
    ['http://rest.iad-02.braze.com', 'US-02', 'https://rest.iad-02.braze.com'],
  ];
  for (const [pasted, instance, restEndpoint] of known) {
    it(`${pasted.trim()} → ${instance}`, () => {
      assert.deepEqual(resolveBrazeEndpoint(pasted), { ok: true, instance, restEndpoint });
    });
  }

  it('keeps a custom https host as a custom REST endpoint, without the pasted path', () => {
    assert.deepEqual(resolveBrazeEndpoint('https://braze-proxy.acme.example/api/'), {
      ok: true,
      instance: 'custom',
      restEndpoint: 'https://braze-proxy.acme.example',
    });
    assert.deepEqual(resolveBrazeEndpoint('https://braze-proxy.acme.example:8443/segments/list'), {
      ok: true,
      instance: 'custom',
      restEndpoint: 'https://braze-proxy.acme.example:8443',
    });
  });

  it('every endpoint it resolves is one the REST endpoint input accepts', () => {
    const accepted = new RegExp(brazeRestEndpointInput.pattern ?? '');
    const pasted = [
      ...known.map(([p]) => p),
      'https://braze-proxy.acme.example/api/',
      'braze-proxy.acme.example/v1?x=1',
      'http://127.0.0.1:4010/api',
      'http://localhost:4010',
      'http://[::1]:4010/',
      'http://127.0.0.2:4010',
    ];
    for (const text of pasted) {
      const resolution = resolveBrazeEndpoint(text, { allowInsecureLoopback: true });
      if (resolution.ok) assert.match(resolution.restEndpoint, accepted, text);
    }
    assert.equal(
      resolveBrazeEndpoint('http://127.0.0.2:4010', { allowInsecureLoopback: true }).ok,
      false,
    );
  });

  it('accepts plain http only for loopback, and only when allowed', () => {
    assert.deepEqual(resolveBrazeEndpoint('http://127.0.0.1:4010'), {
      ok: false,
      reason: 'insecure',
    });
    assert.deepEqual(
      resolveBrazeEndpoint('http://127.0.0.1:4010/api', { allowInsecureLoopback: true }),
      {
        ok: true,
        instance: 'custom',
        restEndpoint: 'http://127.0.0.1:4010',
      },
    );
    assert.deepEqual(
      resolveBrazeEndpoint('http://braze-proxy.acme.example', { allowInsecureLoopback: true }),
      {
        ok: false,
        reason: 'insecure',
      },
    );
  });

  const refused: [string, string][] = [
    ['', 'empty'],
    ['   ', 'empty'],
    ['https://', 'invalid'],
    ['ftp://rest.example.com', 'invalid'],
    ['https://user:pw@rest.example.com', 'invalid'],
    ['https://dashboard-09.braze.com', 'unknown-braze-host'],
    ['https://rest.fra-01.braze.com', 'unknown-braze-host'],
    ['https://rest.iad-03.braze.eu', 'unknown-braze-host'],
    ['https://dashboard.braze.com', 'dashboard-only'],
    ['https://www.braze.com/docs/api/basics', 'unknown-braze-host'],
  ];
  for (const [pasted, reason] of refused) {
    it(`refuses "${pasted}" (${reason})`, () => {
      assert.deepEqual(resolveBrazeEndpoint(pasted), { ok: false, reason });
    });
  }
});
