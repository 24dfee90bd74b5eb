import { create } from 'zustand';

/**
 * UI state that outlives a component: the settings dialog (opened from anywhere) and input
 * drafts that failed validation, so moving to another step does not lose what was typed.
 */
interface UiState {
  settingsOpen: boolean;
  /** Why settings were opened, e.g. a confirmation that needs the CSM's name. */
  settingsReason: 'needName' | null;
  drafts: Record<string, string>;
  openSettings: (reason?: 'needName') => void;
  closeSettings: () => void;
  setDraft: (key: string, value: string | null) => void;
}

export const draftKey = (clientId: string, inputId: string): string => `${clientId}/${inputId}`;

export const useUiStore = create<UiState>()((set) => ({
  settingsOpen: false,
  settingsReason: null,
  drafts: {},
  openSettings: (reason) => set({ settingsOpen: true, settingsReason: reason ?? null }),
  closeSettings: () => set({ settingsOpen: false, settingsReason: null }),
  setDraft: (key, value) =>
    set((s) => {
      const drafts = { ...s.drafts };
      if (value === null) delete drafts[key];
      else drafts[key] = value;
      return { drafts };
    }),
}));
