import { EMAIL_CLICK } from '../../main/integrations/jacquard/currents/keys.ts';
import {
  sampleEventTypes,
  writeCurrentsLayout,
  type HourBatch,
  type LayoutInfo,
} from './currents-layout.ts';

/**
 * Currents folders the engine tests and the CLI tests both audit: one folder per scenario, all
 * written into one seed directory so that one S3 test bed serves them all.
 */

export const CURRENTS_BUCKET = 'phrasee-braze-currents-exports';

export const click = (extra: Partial<HourBatch> = {}): HourBatch => ({
  type: EMAIL_CLICK,
  hoursAgo: 0,
  files: 3,
  eventsPerFile: 40,
  ...extra,
});

export const currentsScenarios = {
  fresh: [
    click({ hoursAgo: 0, duplicateShare: 0.25 }),
    click({ hoursAgo: 2, files: 2, codec: 'deflate' }),
    click({ hoursAgo: 5, files: 2, codec: 'snappy' }),
    click({ hoursAgo: 50, files: 1 }),
  ],
  stale: [click({ hoursAgo: 60, files: 2 })],
  mixed: [
    click({ hoursAgo: 1 }),
    { type: 'users.messages.inappmessage.Click', hoursAgo: 1, files: 2, eventsPerFile: 3 },
    { type: 'users.messages.contentcard.Click', hoursAgo: 3, files: 1, eventsPerFile: 3 },
    { type: 'users.messages.banner.Click', hoursAgo: 70, files: 1, eventsPerFile: 3 },
    { type: 'users.messages.email.Send', hoursAgo: 1, files: 4, eventsPerFile: 3 },
  ],
  /** Every type Braze ships a sample for, Email Click included: 1, 2 or 3 files each. */
  allTypes: sampleEventTypes().map((type, i): HourBatch => ({
    type,
    hoursAgo: 1,
    files: 1 + (i % 3),
    eventsPerFile: 2,
  })),
  onlyOthers: [{ type: 'users.messages.email.Send', hoursAgo: 1, files: 2, eventsPerFile: 5 }],
  realEmails: [click({ email: 'real', codec: 'snappy' })],
  hashedEmails: [click({ email: 'hashed', codec: 'deflate' })],
  hashedAndRedacted: [click({ email: 'hashed', files: 1 }), click({ hoursAgo: 1, files: 2 })],
  noAddresses: [click({ email: 'empty', files: 2 })],
  noAnonymous: [click({ anonymousShare: 0, files: 6 })],
  tinySample: [click({ anonymousShare: 0, files: 1, eventsPerFile: 10 })],
  manyEventsPerFile: [click({ files: 2, eventsPerFile: 3_000, codec: 'deflate' })],
  cutShort: [click({ files: 3, cutFiles: 1 })],
  dropped: [click({ files: 2 })],
  manyFiles: Array.from({ length: 4 }, (_, h) =>
    click({ hoursAgo: h, files: 500, eventsPerFile: 2 }),
  ),
  fewFiles: Array.from({ length: 4 }, (_, h) =>
    click({ hoursAgo: h, files: 50, eventsPerFile: 2 }),
  ),
  /** An hour of Email Click counted whole and, beside it, more Send files than an hour is counted for. */
  busyHour: [
    click({ hoursAgo: 1, files: 80, eventsPerFile: 1 }),
    { type: 'users.messages.email.Send', hoursAgo: 1, files: 101, eventsPerFile: 1 },
  ],
  /** One file with more events than the sample reads. */
  hugeFile: [click({ files: 1, eventsPerFile: 50_100 })],
  'acme retail': [click({ files: 2 })],
} satisfies Record<string, HourBatch[]>;

export type CurrentsScenario = keyof typeof currentsScenarios;

/**
 * Writes the named scenarios under `dir`, each in the folder of its name, with hours counted back
 * from `now` (default: the real time, which an audit reading the real time later may see an hour on).
 */
export async function writeCurrentsScenarios<N extends CurrentsScenario>(
  dir: string,
  names: readonly N[],
  now?: number,
): Promise<Record<N, LayoutInfo>> {
  const layouts = {} as Record<N, LayoutInfo>;
  for (const folder of names) {
    layouts[folder] = await writeCurrentsLayout(dir, {
      folder,
      batches: currentsScenarios[folder],
      ...(now === undefined ? {} : { now }),
    });
  }
  return layouts;
}
