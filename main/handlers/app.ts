import { insecureLoopbackFromEnv } from '../net/url-policy.ts';
import type { Services } from '../services.ts';
import type { Handlers } from './types.ts';

export function appHandlers(
  s: Services,
): Handlers<
  'app:info' | 'app:keychainStatus' | 'app:dismissStoreIssue' | 'settings:get' | 'settings:update'
> {
  return {
    'app:info': () =>
      Promise.resolve({
        version: s.version,
        mode: s.mode === 'electron' ? 'electron' : 'browser',
        home: s.home,
        storeIssue: s.store.issue,
        demo: s.demo,
        allowInsecureLoopback: insecureLoopbackFromEnv(s.env),
      }),
    'app:keychainStatus': async () => {
      try {
        await s.keychain.probe?.();
        return { available: true };
      } catch (error) {
        return {
          available: false,
          message: error instanceof Error ? error.message : String(error),
        };
      }
    },
    'app:dismissStoreIssue': async () => {
      await s.store.dismissIssue();
      return {};
    },
    'settings:get': () => Promise.resolve(s.store.settings()),
    'settings:update': (patch) => s.store.updateSettings(patch),
  };
}
