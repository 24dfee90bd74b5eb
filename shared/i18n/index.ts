import i18next, { type i18n as I18n } from 'i18next';
import { languages, type Language } from '../types/ids.ts';
import { namespaces } from './namespaces.ts';
import { i18nOptions, type LanguageResources } from './options.ts';

/** One language's texts from the namespace files (which hold all five languages side by side). */
export function resourcesFor(language: Language): LanguageResources {
  const out: LanguageResources = {};
  for (const [ns, byLang] of Object.entries(namespaces)) {
    out[ns] = byLang[language] ?? {};
  }
  return out;
}

/** i18next resources for every language: `{ en: { app: {...}, ... }, fr: ... }`. */
export function buildResources(): Record<Language, LanguageResources> {
  return Object.fromEntries(languages.map((lang) => [lang, resourcesFor(lang)])) as Record<
    Language,
    LanguageResources
  >;
}

/**
 * A ready, synchronous i18next instance with every language, for main and the CLI. The renderer
 * loads one language at a time instead (renderer/src/i18n.ts).
 */
export function createI18n(language: Language): I18n {
  const instance = i18next.createInstance();
  void instance.init({ ...i18nOptions(language, buildResources()), ns: Object.keys(namespaces) });
  return instance;
}

export { namespaces };
