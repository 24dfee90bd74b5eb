import { linkHostSuffixes } from '../../shared/integrations/lists.ts';

/**
 * Links the app may hand to the system browser: the integrations' dashboards and docs (each
 * integration names its hosts). Anything else — another scheme, another host, credentials in the
 * URL — stays closed.
 */
export function isAllowedExternalUrl(raw: string): boolean {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  if (url.protocol !== 'https:' || url.username || url.password || url.port) return false;
  const host = url.hostname.toLowerCase();
  return linkHostSuffixes.some((suffix) => host === suffix || host.endsWith(`.${suffix}`));
}
