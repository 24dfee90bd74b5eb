/**
 * The five permissions Braze's Optimizely page asks for on the REST key ODP uses, by their real
 * Braze names: the guide lists them, and `odp.braze_key` reads their checks' verdicts.
 */
export const odpBrazeKeyPermissions = [
  'users.track',
  'users.export.segment',
  'segments.list',
  'campaigns.trigger.send',
  'canvas.trigger.send',
] as const;
