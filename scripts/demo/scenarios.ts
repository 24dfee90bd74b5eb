import type { IntegrationId } from '../../shared/integrations/lists.ts';
import { brazePermissions, type BrazePermission } from '../../tests/support/braze-fake.ts';
import type { AvroCodec, EmailVariant, HourBatch } from '../../tests/support/currents-layout.ts';

/**
 * The three practice clients, as data: what each has set up, and what is wrong with it. The
 * sandbox and the demo profile are built from this, and nothing else decides a client's verdicts.
 */

export type DemoClientKey = 'acme' | 'globex' | 'initech';

export interface CurrentsScenario {
  /** The client's folder in the Jacquard bucket. */
  folder: string;
  /** Event types the Current exports (Email Click is the one Jacquard needs). */
  types: readonly string[];
  /** What `email_address` holds: Braze's "Remove" transformation, or the real address. */
  email: EmailVariant;
  codec: AvroCodec;
  /** How many hours of output the bucket holds, up to the hour before now. */
  hours: number;
}

export interface OdpScenario {
  /** Braze segments chosen for the sync, by name (none: the plan imports nobody). */
  segments: readonly string[];
  /** Braze user data field → ODP customer field. */
  mappings: readonly { brazeField: string; odpField: string }[];
  /** The ODP → Braze activation enrols this ODP segment and adds users to this Braze Canvas. */
  activation: { segment: string; canvas: string } | null;
}

export interface ClientScenario {
  key: DemoClientKey;
  name: string;
  integrations: readonly IntegrationId[];
  /** The permissions on the client's Braze REST key; null: no key entered yet. */
  brazePermissions: readonly BrazePermission[] | null;
  /** The Jacquard side: its Current's output; null: not started. */
  currents: CurrentsScenario | null;
  odp: OdpScenario | null;
  /** Guide steps whose manual confirmations the CSM has ticked ('all', or step ids). */
  confirmedSteps: 'all' | readonly string[];
}

const emailClick = 'users.messages.email.Click';
const emailOpen = 'users.messages.email.Open';

const defaultMappings = [
  { brazeField: 'email', odpField: 'last_seen_email' },
  { brazeField: 'first_name', odpField: 'first_name' },
  { brazeField: 'last_name', odpField: 'last_name' },
];

export const scenarios: readonly ClientScenario[] = [
  {
    key: 'acme',
    name: 'Acme Retail (healthy)',
    integrations: ['jacquard', 'optimizely'],
    // Every permission the Braze fake knows, as an admin ticks them all.
    brazePermissions,
    currents: {
      folder: 'acme-retail',
      types: [emailClick],
      email: 'redacted',
      codec: 'deflate',
      hours: 72,
    },
    odp: {
      segments: ['Newsletter subscribers', 'VIP customers'],
      mappings: defaultMappings,
      activation: { segment: 'High value customers', canvas: 'Welcome journey' },
    },
    confirmedSteps: 'all',
  },
  {
    key: 'globex',
    name: 'Globex (needs work)',
    integrations: ['jacquard', 'optimizely'],
    // The admin forgot one box: ODP cannot add users to a Canvas with this key.
    brazePermissions: brazePermissions.filter((p) => p !== 'canvas.trigger.send'),
    currents: {
      folder: 'globex',
      // "Email Open" ticked as well as "Email Click".
      types: [emailClick, emailOpen],
      // Jacquard was never asked to remove PII (step 3).
      email: 'real',
      codec: 'snappy',
      hours: 48,
    },
    odp: {
      // Neither a segment nor "Import all customers": ODP would import no profile.
      segments: [],
      mappings: defaultMappings,
      activation: { segment: 'Lapsed customers', canvas: 'Win-back' },
    },
    // Ticked as done: the checks are what show that two of these steps are not.
    confirmedSteps: [
      'jacquard.prerequisites',
      'jacquard.credentials',
      'jacquard.current',
      'optimizely.prerequisites',
      'optimizely.install',
      'optimizely.currents',
    ],
  },
  {
    key: 'initech',
    name: 'Initech (not started)',
    integrations: ['jacquard', 'optimizely'],
    brazePermissions: null,
    currents: null,
    odp: null,
    confirmedSteps: [],
  },
];

/** Files per hour follow a day's rhythm (busy evenings, quiet nights), as real Currents output does. */
export function currentsBatches(currents: CurrentsScenario): HourBatch[] {
  const batches: HourBatch[] = [];
  for (let hoursAgo = 1; hoursAgo <= currents.hours; hoursAgo++) {
    const busy = Math.round(
      24 + 16 * Math.sin(((new Date().getUTCHours() - hoursAgo) / 24) * 2 * Math.PI),
    );
    currents.types.forEach((type, index) => {
      batches.push({
        type,
        hoursAgo,
        files: hoursAgo % 3 === 0 ? 2 : 1,
        // Other types arrive less often than clicks in these workspaces.
        eventsPerFile: index === 0 ? busy : Math.max(4, Math.round(busy / 2)),
        codec: currents.codec,
        email: currents.email,
        anonymousShare: 0.25,
        duplicateShare: 0.05,
      });
    });
  }
  return batches;
}
