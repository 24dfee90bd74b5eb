import packageJson from '../package.json' with { type: 'json' };
import type { Client } from '../shared/types/client.ts';
import type { SecretReader } from './checks/types.ts';
import { EventBus } from './events.ts';
import type { IntegrationServiceOptions } from './integrations/registry.ts';
import { ClientSecrets } from './keychain/client-secrets.ts';
import { createHttpClient } from './net/http-client.ts';
import type { HttpClient } from './net/types.ts';
import { insecureLoopbackFromEnv } from './net/url-policy.ts';
import { KeyringSecretStore } from './keychain/keyring-store.ts';
import type { SecretStore } from './keychain/secret-store.ts';
import type { PdfPrinter } from './reports/pdf.ts';
import { refusingHeldBack } from './secret-hosts/guard.ts';
import { ClientStore } from './store/client-store.ts';
import { translator, type Translate } from './translate.ts';

export type Mode = 'electron' | 'browser' | 'cli';

/** Everything the handler table, the web server and the CLI share: one instance per process. */
export interface Services {
  mode: Mode;
  version: string;
  home: string;
  /** A practice workspace on local sandbox services (never the CSM's real data). */
  demo: boolean;
  store: ClientStore;
  keychain: SecretStore & { probe?(): Promise<void> };
  secrets: ClientSecrets;
  events: EventBus;
  /** Translates in the language the CSM chose in settings. */
  t: Translate;
  env: NodeJS.ProcessEnv;
  /**
   * Reads one client's secrets from the keychain, for checks and for handlers that call a service.
   * A secret the client now sends to a host not confirmed for it is refused, with the CSM's reason.
   */
  secretReader(client: Client): SecretReader;
  /** The one HTTP client (timeouts, retries, the loopback rule) for a handler's or a run's calls. */
  httpClient(): HttpClient;
  /** Settings integrations take from the process (tests and the demo point them at fakes). */
  integrationOptions: IntegrationServiceOptions;
  /** Electron prints reports with its own engine; elsewhere the Chromium on the computer does. */
  printPdf?: PdfPrinter;
  /** The wall clock a plan's "today" is read from (a schedule's start date in its zone). */
  now: () => Date;
}

export interface ServiceOptions {
  home: string;
  mode: Mode;
  env?: NodeJS.ProcessEnv;
  /** Another secret store (e.g. environment variables for `--client-file`); default: the OS keychain. */
  keychain?: SecretStore & { probe?(): Promise<void> };
  integrationOptions?: IntegrationServiceOptions;
  /** Another wall clock (tests pin the day); default: the computer's. */
  now?: () => Date;
}

export async function createServices(options: ServiceOptions): Promise<Services> {
  const env = options.env ?? process.env;
  // The store's messages follow the language saved in the store itself, hence the late binding.
  let t: Translate = (key) => key;
  const store = await ClientStore.open(options.home, {
    notFoundMessage: () => t('errors:client.notFound'),
  });
  t = translator(() => store.settings().language);
  const keychain =
    options.keychain ??
    new KeyringSecretStore(() => ({
      unavailable: t('errors:keychain.unavailable'),
      locked: t('errors:keychain.locked'),
    }));
  return {
    mode: options.mode,
    version: packageJson.version,
    home: options.home,
    demo: env.PARTNER_SETUP_DEMO === '1',
    store,
    keychain,
    secrets: new ClientSecrets(store, keychain),
    events: new EventBus(),
    t,
    env,
    secretReader: (client) =>
      refusingHeldBack(client, { get: (name) => keychain.get(client.id, name) }, t),
    httpClient: () => createHttpClient({ allowInsecureLoopback: insecureLoopbackFromEnv(env) }),
    integrationOptions: options.integrationOptions ?? {},
    now: options.now ?? (() => new Date()),
  };
}
