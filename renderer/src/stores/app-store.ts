import { create } from 'zustand';
import type { ResponseOf } from '../../../shared/contract/index.ts';
import { defaultSettings, type Settings } from '../../../shared/types/settings.ts';
import { call } from '../api/index.ts';
import { switchLanguage } from '../i18n.ts';

type AppInfo = ResponseOf<'app:info'>;
type KeychainStatus = ResponseOf<'app:keychainStatus'>;

interface AppState {
  info: AppInfo | null;
  keychain: KeychainStatus | null;
  settings: Settings;
  loaded: boolean;
  load: () => Promise<void>;
  updateSettings: (patch: Partial<Settings>) => Promise<void>;
  dismissStoreIssue: () => Promise<void>;
}

export const useAppStore = create<AppState>()((set, get) => ({
  info: null,
  keychain: null,
  settings: defaultSettings,
  loaded: false,
  async load() {
    const [info, keychain, settings] = await Promise.all([
      call('app:info', {}),
      call('app:keychainStatus', {}),
      call('settings:get', {}),
    ]);
    await switchLanguage(settings.language);
    set({ info, keychain, settings, loaded: true });
  },
  async updateSettings(patch) {
    const settings = await call('settings:update', patch);
    await switchLanguage(settings.language);
    set({ settings });
  },
  async dismissStoreIssue() {
    await call('app:dismissStoreIssue', {});
    const info = get().info;
    if (info) set({ info: { ...info, storeIssue: null } });
  },
}));
