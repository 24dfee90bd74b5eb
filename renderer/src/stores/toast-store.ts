import { create } from 'zustand';
import { isApiError } from '../api/index.ts';
import { i18n } from '../i18n.ts';

export interface Toast {
  id: number;
  kind: 'error' | 'info';
  text: string;
}

interface ToastState {
  toasts: Toast[];
  push: (kind: Toast['kind'], text: string) => void;
  dismiss: (id: number) => void;
}

let nextId = 1;

export const useToastStore = create<ToastState>()((set) => ({
  toasts: [],
  push: (kind, text) =>
    set((s) => ({ toasts: [...s.toasts.slice(-4), { id: nextId++, kind, text }] })),
  dismiss: (id) => set((s) => ({ toasts: s.toasts.filter((t) => t.id !== id) })),
}));

/** The translated text for any failure: main's own message, or one chosen by its code. */
export function errorText(error: unknown): string {
  if (isApiError(error)) {
    return error.message || i18n.t(`app:errors.codes.${error.code}`);
  }
  return i18n.t('app:errors.codes.INTERNAL');
}

export const showError = (error: unknown): void =>
  useToastStore.getState().push('error', errorText(error));

/** Runs a UI action; a failure becomes an error toast instead of an unhandled rejection. */
export async function attempt<T>(action: () => Promise<T>): Promise<T | undefined> {
  try {
    return await action();
  } catch (error) {
    showError(error);
    return undefined;
  }
}
