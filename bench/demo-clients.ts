/**
 * The demo's practice clients as the check engine sees them (inputs, plans, secrets, opt-ins),
 * pointed at a running demo sandbox: one source of scenarios for the benchmarks.
 */
import { checksForClient } from '../main/checks/client-run.ts';
import { runChecks, type RunOutcome } from '../main/checks/engine.ts';
import type { CheckDefinition } from '../main/checks/types.ts';
import { createHttpClient } from '../main/net/http-client.ts';
import { clientSetup } from '../scripts/demo/client-setup.ts';
import type { Sandbox } from '../scripts/demo/sandbox.ts';
import { scenarios, type ClientScenario, type DemoClientKey } from '../scripts/demo/scenarios.ts';
import type { Client } from '../shared/types/client.ts';
import { secretsOf, testClient } from '../tests/support/check-fixtures.ts';

export interface DemoCheckClient {
  scenario: ClientScenario;
  client: Client;
  definitions: CheckDefinition[];
  /** The client's checks (or `only` these) on the engine, with its defaults unless overridden. */
  run(options?: { concurrency?: number; only?: readonly CheckDefinition[] }): Promise<RunOutcome>;
}

export function demoCheckClient(sandbox: Sandbox, key: DemoClientKey): DemoCheckClient {
  const scenario = scenarios.find((s) => s.key === key);
  if (!scenario) throw new Error(`the demo has no client "${key}"`);
  const setup = clientSetup(scenario, sandbox);
  const client = testClient({ name: scenario.name, integrations: [...scenario.integrations] });
  Object.assign(client.inputs, setup.inputs);
  Object.assign(client.artifacts, setup.artifacts);
  const definitions = checksForClient(client);
  const http = createHttpClient({ allowInsecureLoopback: true });
  return {
    scenario,
    client,
    definitions,
    run: (options = {}) =>
      runChecks({
        client,
        definitions: options.only ?? definitions,
        secrets: secretsOf(setup.secrets),
        http,
        optIns: setup.optIns,
        ...(options.concurrency ? { concurrency: options.concurrency } : {}),
      }),
  };
}
