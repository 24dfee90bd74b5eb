import type { TestContext } from 'node:test';
import type { Channel, RequestOf, ResponseOf } from '../../shared/contract/index.ts';
import { dispatch } from '../../main/handlers/dispatch.ts';
import { createHandlerTable } from '../../main/handlers/table.ts';
import { EnvSecretStore } from '../../main/keychain/env-store.ts';
import { createServices, type Services } from '../../main/services.ts';
import { tempDir } from './temp-dir.ts';

/**
 * Browser-mode services on a fresh home. Secrets come from `env`, standing in for the keychain
 * (the keychain has its own tests).
 */
export async function envSecretServices(
  t: TestContext,
  env: Record<string, string>,
): Promise<Services> {
  return createServices({
    home: await tempDir(t),
    mode: 'browser',
    env,
    keychain: new EnvSecretStore(env),
  });
}

/** Calls the handler table the way the UI does, typed by the contract; a failed call throws its message. */
export function handlerCaller(services: Services) {
  const table = createHandlerTable(services);
  return async <C extends Channel>(channel: C, request: RequestOf<C>): Promise<ResponseOf<C>> => {
    const result = await dispatch(table, channel, request, services.t);
    if (!result.ok) throw new Error(result.error.message);
    return result.value as ResponseOf<C>;
  };
}
