import { isIP } from 'node:net';
import { NetError } from './errors.ts';

/** True for 127.0.0.0/8, ::1 and `localhost` (URL hostnames keep IPv6 brackets). */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/^\[|\]$/g, '');
  if (host === 'localhost' || host.endsWith('.localhost')) return true;
  if (host === '::1' || host === '0:0:0:0:0:0:0:1') return true;
  return isIP(host) === 4 && host.startsWith('127.');
}

/**
 * The https-only rule: plain http is only for loopback services (tests, local demos), and only
 * when the run was started with `--allow-insecure-loopback`.
 */
export function assertAllowedUrl(raw: string, allowInsecureLoopback: boolean): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch (cause) {
    throw new NetError('invalid_url', '', 'Not a valid URL', { cause });
  }
  if (url.protocol === 'https:') return url;
  if (url.protocol === 'http:' && allowInsecureLoopback && isLoopbackHost(url.hostname)) return url;
  throw new NetError(
    'insecure_url',
    url.host,
    url.protocol === 'http:'
      ? 'Plain http is only allowed for loopback hosts with --allow-insecure-loopback'
      : `Unsupported protocol ${url.protocol}`,
  );
}

/** `PARTNER_SETUP_ALLOW_INSECURE_LOOPBACK=1` (or `true`) enables the loopback exception. */
export const insecureLoopbackFromEnv = (env: NodeJS.ProcessEnv): boolean =>
  ['1', 'true'].includes((env.PARTNER_SETUP_ALLOW_INSECURE_LOOPBACK ?? '').toLowerCase());

/**
 * The environment a face's services read, with its `--allow-insecure-loopback` switch folded in:
 * services only look at the variable, so the switch and the variable can never disagree.
 */
export const withInsecureLoopbackSwitch = (
  env: NodeJS.ProcessEnv,
  switchGiven: boolean,
): NodeJS.ProcessEnv =>
  switchGiven ? { ...env, PARTNER_SETUP_ALLOW_INSECURE_LOOPBACK: '1' } : env;
