import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { guides } from '../../shared/guides/index.ts';
import type { Confirmation } from '../../shared/types/client.ts';
import type { SecretName } from '../../shared/integrations/lists.ts';
import { createServices, type Services } from '../../main/services.ts';
import { memoryKeychain } from '../../tests/support/memory-keychain.ts';
import { clientSetup, type ClientSetup } from './client-setup.ts';
import type { Sandbox } from './sandbox.ts';
import type { ClientScenario } from './scenarios.ts';
import { brazeInstance } from './workspace.ts';

/**
 * The demo profile: a store of its own in a temporary folder and a keychain that lives only in
 * this process, so the CSM's real clients and keychain entries are never read or written.
 */
export interface DemoProfile {
  home: string;
  /** Environment of the demo's own runs: the profile as home, local services allowed. */
  env: NodeJS.ProcessEnv;
  services: Services;
  clients: DemoClient[];
  remove(): Promise<void>;
}

export interface DemoClient {
  id: string;
  scenario: ClientScenario;
  setup: ClientSetup;
}

/** The practice CSM, so ticking a confirmation in the demo never asks for a name first. */
const csmName = 'Sam Trainer';

/** The confirmations a scenario's CSM ticked, on the steps of the client's guides. */
export function confirmationsOf(scenario: ClientScenario, now: Date): Record<string, Confirmation> {
  const at = now.toISOString();
  const steps = scenario.integrations.flatMap((id) => guides[id].steps);
  return Object.fromEntries(
    steps
      .filter(
        (step) => scenario.confirmedSteps === 'all' || scenario.confirmedSteps.includes(step.id),
      )
      .flatMap((step) => step.confirmations.map((c) => [c.id, { by: csmName, at }])),
  );
}

export async function createDemoProfile(
  scenarios: readonly ClientScenario[],
  sandbox: Sandbox,
): Promise<DemoProfile> {
  const home = await mkdtemp(join(tmpdir(), 'partner-setup-demo-'));
  const remove = () => rm(home, { recursive: true, force: true });
  try {
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      PARTNER_SETUP_HOME: home,
      PARTNER_SETUP_DEMO: '1',
      PARTNER_SETUP_ALLOW_INSECURE_LOOPBACK: '1',
    };
    const services = await createServices({
      home,
      mode: 'browser',
      env,
      keychain: memoryKeychain(),
      // "Find my instance" asks the practice Braze, not the real instances.
      integrationOptions: {
        braze: {
          instances: [{ id: brazeInstance, restEndpoint: sandbox.braze.url, dashboardHosts: [] }],
        },
      },
    });
    await services.store.updateSettings({ csmName });
    const clients: DemoClient[] = [];
    for (const scenario of scenarios) {
      const setup = clientSetup(scenario, sandbox);
      const { id } = await services.store.create({
        name: scenario.name,
        integrations: [...scenario.integrations],
      });
      await services.store.update(id, (draft) => {
        Object.assign(draft.inputs, setup.inputs);
        Object.assign(draft.artifacts, setup.artifacts);
        Object.assign(draft.confirmations, confirmationsOf(scenario, new Date()));
      });
      for (const [name, value] of Object.entries(setup.secrets)) {
        await services.secrets.set(id, name as SecretName, value);
      }
      clients.push({ id, scenario, setup });
    }
    return { home, env, services, clients, remove };
  } catch (error) {
    await remove();
    throw error;
  }
}
