import type { i18n as I18n, TOptions } from 'i18next';
import { createI18n } from '../shared/i18n/index.ts';
import type { Language } from '../shared/types/ids.ts';

export type Translate = (key: string, params?: TOptions) => string;

const instances = new Map<Language, I18n>();

/** One i18next instance per language, made on first use. */
export function i18nFor(language: Language): I18n {
  let instance = instances.get(language);
  if (!instance) {
    instance = createI18n(language);
    instances.set(language, instance);
  }
  return instance;
}

/** Translates in whatever language `language()` returns at call time (the CSM may switch). */
export const translator =
  (language: () => Language): Translate =>
  (key, params) =>
    i18nFor(language()).t(key, params ?? {});
