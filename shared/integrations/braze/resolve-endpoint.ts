import { patterns } from '../../guides/patterns.ts';
import { customInstanceId, findBrazeInstance } from './instances.ts';

/** What a pasted dashboard URL or REST endpoint means. */
export type EndpointResolution =
  | { ok: true; instance: string; restEndpoint: string }
  | {
      ok: false;
      reason: 'empty' | 'invalid' | 'insecure' | 'unknown-braze-host' | 'dashboard-only';
    };

/** REST and SDK hosts: `rest.iad-03.braze.com`, `rest.fra-01.braze.eu`, `rest.au-01.braze.com` … */
const apiHost = /^(?:rest|sdk)\.(iad|us|fra|au|id|jp|kr)-(\d{2})\.braze\.(com|eu)$/;
/** `dashboard-03.braze.com`, `dashboard-01.braze.eu`, `dashboard.au-01.braze.com` … */
const numberedDashboard = /^dashboard-(\d{2})\.braze\.(com|eu)$/;
const regionalDashboard = /^dashboard\.(us|au|id|jp|kr)-(\d{2})\.braze\.com$/;

function instanceIdForHost(host: string): string | null {
  const api = apiHost.exec(host);
  if (api) {
    const [, region = '', n = '', tld = ''] = api;
    if (region === 'fra') return tld === 'eu' ? `EU-${n}` : null;
    if (tld !== 'com') return null;
    return region === 'iad' ? `US-${n}` : `${region.toUpperCase()}-${n}`;
  }
  const numbered = numberedDashboard.exec(host);
  if (numbered) return `${numbered[2] === 'eu' ? 'EU' : 'US'}-${numbered[1] ?? ''}`;
  const regional = regionalDashboard.exec(host);
  if (regional) return `${(regional[1] ?? '').toUpperCase()}-${regional[2] ?? ''}`;
  return null;
}

/** What the REST endpoint input accepts: https, or http to a loopback host, and no path. */
const baseUrl = new RegExp(patterns.baseUrl);

/**
 * Resolves what a CSM pasted (a dashboard URL, a REST endpoint, with or without scheme or path)
 * to a known instance, or to a custom https REST endpoint. Plain http is accepted only for a
 * loopback host and only when the caller allows it (tests and local demos). A custom endpoint
 * keeps only its origin: Braze's REST endpoints are origins, a pasted path is usually one API
 * call's, and the REST endpoint input (`patterns.baseUrl`) would refuse it anyway.
 */
export function resolveBrazeEndpoint(
  pasted: string,
  options: { allowInsecureLoopback?: boolean } = {},
): EndpointResolution {
  const text = pasted.trim();
  if (text === '') return { ok: false, reason: 'empty' };
  let url: URL;
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`);
  } catch {
    return { ok: false, reason: 'invalid' };
  }
  if (url.username || url.password || url.hostname === '') return { ok: false, reason: 'invalid' };
  const host = url.hostname.toLowerCase();
  const id = instanceIdForHost(host);
  if (id) {
    const instance = findBrazeInstance(id);
    return instance
      ? { ok: true, instance: instance.id, restEndpoint: instance.restEndpoint }
      : { ok: false, reason: 'unknown-braze-host' };
  }
  if (/(^|\.)braze\.(com|eu)$/.test(host)) {
    // A Braze host we cannot place (e.g. `dashboard.braze.com`): ask for the REST endpoint instead.
    return {
      ok: false,
      reason: host.startsWith('dashboard') ? 'dashboard-only' : 'unknown-braze-host',
    };
  }
  const origin = url.origin;
  if (url.protocol === 'http:' && options.allowInsecureLoopback !== true)
    return { ok: false, reason: 'insecure' };
  if (!baseUrl.test(origin))
    return { ok: false, reason: url.protocol === 'http:' ? 'insecure' : 'invalid' };
  return { ok: true, instance: customInstanceId, restEndpoint: origin };
}
