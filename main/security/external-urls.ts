/**
 * Links the app may hand to the system browser: Braze, ODP and Jacquard dashboards and docs.
 * Anything else — another scheme, another host, credentials in the URL — stays closed.
 */
const allowedHostSuffixes = [
  'braze.com',
  'braze.eu',
  'optimizely.com',
  'zaius.com',
  'jacquard.com',
  'phrasee.co',
] as const;

export function isAllowedExternalUrl(raw: string): boolean {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  if (url.protocol !== 'https:' || url.username || url.password || url.port) return false;
  const host = url.hostname.toLowerCase();
  return allowedHostSuffixes.some((suffix) => host === suffix || host.endsWith(`.${suffix}`));
}
