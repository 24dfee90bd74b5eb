/**
 * Facts of the Braze reference (../shared/reference/braze.md) that tests expect the product to
 * know, written out here so a test compares the product against the docs, not against itself.
 */

/** Every instance the reference lists, in its order. */
export const documentedBrazeInstanceIds: readonly string[] = [
  'US-01',
  'US-02',
  'US-03',
  'US-04',
  'US-05',
  'US-06',
  'US-07',
  'US-08',
  'US-10',
  'EU-01',
  'EU-02',
  'AU-01',
  'ID-01',
  'JP-01',
  'KR-01',
];

/**
 * The permissions Braze's Optimizely page asks for on the REST key ODP uses, by their real Braze
 * names (the page's `users.export.segments` is `users.export.segment`).
 */
export const documentedOdpKeyPermissions = [
  'users.track',
  'users.export.segment',
  'segments.list',
  'campaigns.trigger.send',
  'canvas.trigger.send',
] as const;
