/**
 * Validation patterns shared by the guides' inputs (JavaScript RegExp sources).
 *
 * URLs must be https. Plain http is accepted only for loopback hosts, so the test bed and a local
 * demo can point the app at their fakes; the HTTP client still refuses it unless insecure loopback
 * is explicitly allowed.
 */
const httpsOrLoopbackOrigin = String.raw`(?:https://[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?|http://(?:127\.0\.0\.1|localhost|\[::1\]))(?::[0-9]{1,5})?`;

export const patterns = {
  /** A base URL: scheme, host and optional port, nothing after but an optional slash. */
  baseUrl: String.raw`^${httpsOrLoopbackOrigin}/?$`,
  /** A full URL with an optional path and query (e.g. an ingestion endpoint). */
  url: String.raw`^${httpsOrLoopbackOrigin}(?:[/?][^\s]*)?$`,
  email: String.raw`^[^\s@]+@[^\s@]+\.[^\s@]+$`,
  /** S3 bucket naming rules: 3–63 lowercase letters, digits, dots and hyphens. */
  s3Bucket: String.raw`^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$`,
  /**
   * An S3 folder (key prefix) made of AWS's "safe" key characters, segments separated by single
   * slashes, without a leading or trailing slash (Braze adds the separators itself).
   */
  s3Folder: String.raw`^[A-Za-z0-9!_.*'()-]+(?:/[A-Za-z0-9!_.*'()-]+)*$`,
  /** A display name: not blank, no leading or trailing whitespace. */
  name: String.raw`^\S(?:.*\S)?$`,
} as const;
