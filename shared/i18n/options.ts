import type { InitOptions, Resource } from 'i18next';
import { languages, type Language } from '../types/ids.ts';

export type Tree = { [key: string]: string | Tree };
/** One language's texts, namespace by namespace. */
export type LanguageResources = Record<string, Tree>;

/** The i18next options every instance shares (main, CLI and renderer). */
export function i18nOptions(language: Language, resources: Resource): InitOptions {
  return {
    lng: language,
    fallbackLng: false,
    supportedLngs: [...languages],
    defaultNS: 'app',
    resources,
    interpolation: { escapeValue: false },
    initAsync: false,
    returnNull: false,
  };
}
