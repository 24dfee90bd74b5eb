/**
 * Opt-ins a CSM ticks before a run (`checks:run` optIns, `partner-setup check --opt-in`): each
 * lets a check do something it never does unasked. Labels are `checks:optIn.<id>`.
 */
export const knownOptIns: ReadonlyArray<{ id: string; checks: readonly string[] }> = [
  { id: 's3.write', checks: ['s3.permissions'] },
  { id: 'odp.currentsLive', checks: ['odp.currents_endpoint'] },
];
