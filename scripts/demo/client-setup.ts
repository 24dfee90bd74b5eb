import { customInstanceId } from '../../shared/integrations/braze/instances.ts';
import {
  defaultActivation,
  fieldsArtifactKey,
  planArtifactKey,
  type ActivationPlan,
  type OdpFieldsArtifact,
  type OdpPlan,
} from '../../shared/integrations/optimizely/plan.ts';
import type { Artifacts } from '../../shared/types/artifacts.ts';
import type { SecretName } from '../../shared/integrations/lists.ts';
import type { Sandbox } from './sandbox.ts';
import type { ClientScenario, OdpScenario } from './scenarios.ts';
import { brazeWorkspace, jacquardBucket, odpCustomerFields } from './workspace.ts';

/** What a practice client holds, pointed at the sandbox: the same for the UI and for client files. */
export interface ClientSetup {
  inputs: Record<string, string>;
  secrets: Partial<Record<SecretName, string>>;
  artifacts: Artifacts;
  /** Opt-ins a run of this client's checks uses, so every check can do its whole job locally. */
  optIns: string[];
}

/** ODP's live probe of the Custom Currents URL: the local ODP fake can answer it. */
export const demoOptIns = ['odp.currentsLive'];

const timeZone = 'America/New_York';

/** A date a few days ahead in the plan's zone, so the schedule never starts in the past. */
function startDate(now: Date): string {
  const ahead = new Date(now.getTime() + 3 * 86_400_000);
  return new Intl.DateTimeFormat('en-CA', { timeZone }).format(ahead);
}

function idOf(kind: 'segments' | 'canvases', name: string, sandbox: Sandbox): string {
  const index = (brazeWorkspace[kind] as readonly string[]).indexOf(name);
  const id = sandbox.braze.knownIds[kind][index];
  if (index === -1 || id === undefined) throw new Error(`no ${kind} named "${name}" in the demo`);
  return id;
}

function activationPlan(odp: OdpScenario, sandbox: Sandbox, now: Date): ActivationPlan | null {
  if (!odp.activation) return null;
  const { segment, canvas } = odp.activation;
  const suggested = defaultActivation(timeZone, startDate(now));
  return {
    ...suggested,
    enrollment: { kind: 'segment', segment },
    targetIdentifier: 'external_id',
    addUsersTo: { kind: 'canvas', id: idOf('canvases', canvas, sandbox), name: canvas },
    additionalFields: [
      { brazeField: 'loyalty_tier', value: '{{customer.loyalty_tier}}' },
      { brazeField: 'preferred_store', value: '{{customer.preferred_store | default: "online"}}' },
    ],
    // Early morning in New York: clear of the hours daylight-saving changes skip or repeat.
    schedule: suggested.schedule && { ...suggested.schedule, time: '06:30' },
  };
}

function odpPlan(odp: OdpScenario, sandbox: Sandbox, now: Date): OdpPlan {
  return {
    segments: {
      importAll: false,
      segments: odp.segments.map((name) => ({ id: idOf('segments', name, sandbox), name })),
    },
    mappings: odp.mappings.map((m) => ({ ...m, brazeType: 'string' })),
    activation: activationPlan(odp, sandbox, now),
    updatedAt: now.toISOString(),
  };
}

/** Jacquard X snippets as the Jacquard CSM would send them (their real format is not public). */
function snippets(token: string): string {
  const host = 'https://x.jacquard.example/v2/braze';
  return [
    `{% connected_content ${host}/subject?token=${token}&u={{\${user_id} | url_param_escape}} :method get :cache_max_age 900 :save jacquard %}`,
    '{{ jacquard.subject_line | default: "Picked for you" }}',
    `<img src="${host}/open.gif?u={{\${user_id}}}" width="1" height="1" alt="" />`,
  ].join('\n');
}

export function clientSetup(
  scenario: ClientScenario,
  sandbox: Sandbox,
  now = new Date(),
): ClientSetup {
  const secrets = sandbox.secrets.get(scenario.key);
  if (!secrets) return { inputs: {}, secrets: {}, artifacts: {}, optIns: [] };
  const inputs: Record<string, string> = {
    'braze.instance': customInstanceId,
    'braze.restEndpoint': sandbox.braze.url,
  };
  const setup: ClientSetup = {
    inputs,
    secrets: { 'braze.apiKey': secrets.brazeApiKey },
    artifacts: {},
    optIns: demoOptIns,
  };
  const slug = scenario.currents?.folder ?? scenario.key;
  if (scenario.currents) {
    Object.assign(inputs, {
      'jacquard.currentName': 'Jacquard Email Click export',
      'jacquard.contactEmail': `crm@${slug}.example`,
      'jacquard.s3Bucket': jacquardBucket,
      'jacquard.s3Folder': scenario.currents.folder,
      'jacquard.s3Endpoint': sandbox.s3.endpoint,
      'jacquard.snippets': snippets(secrets.connectToken),
    });
    Object.assign(setup.secrets, {
      'jacquard.awsAccessKeyId': secrets.awsAccessKeyId,
      'jacquard.awsSecretAccessKey': secrets.awsSecretAccessKey,
      'jacquard.connectToken': secrets.connectToken,
    });
  }
  if (scenario.odp) {
    Object.assign(inputs, {
      'odp.region': 'us',
      'odp.apiBase': sandbox.odp.bases.us,
      'odp.currentsUrl': sandbox.odp.currentsUrl,
    });
    Object.assign(setup.secrets, {
      'odp.apiKey': secrets.odpApiKey,
      'odp.currentsToken': sandbox.odpCurrentsToken,
    });
    setup.artifacts[planArtifactKey] = odpPlan(scenario.odp, sandbox, now);
    // Fetched on an earlier visit and kept for offline use, as the app does.
    setup.artifacts[fieldsArtifactKey] = {
      fetchedAt: now.toISOString(),
      region: 'us',
      fields: odpCustomerFields.map((f) => ({
        name: f.name,
        displayName: f.display_name,
        type: f.type,
      })),
    } satisfies OdpFieldsArtifact;
  }
  return setup;
}
