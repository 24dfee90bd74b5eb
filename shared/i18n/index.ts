import i18next, { type i18n as I18n } from 'i18next';
import { languages, type Language } from '../types/ids.ts';
import { namespaces, type Namespace } from './namespaces.ts';

type Tree = { [key: string]: string | Tree };

/** i18next resources built from the namespace files: `{ en: { app: {...}, ... }, fr: ... }`. */
export function buildResources(): Record<Language, Record<Namespace, Tree>> {
  const out = {} as Record<Language, Record<Namespace, Tree>>;
  for (const lang of languages) {
    const perNs = {} as Record<Namespace, Tree>;
    for (const [ns, byLang] of Object.entries(namespaces) as [Namespace, Record<string, Tree>][]) {
      perNs[ns] = byLang[lang] ?? {};
    }
    out[lang] = perNs;
  }
  return out;
}

/** A ready, synchronous i18next instance (main, CLI and renderer each make their own). */
export function createI18n(language: Language): I18n {
  const instance = i18next.createInstance();
  void instance.init({
    lng: language,
    fallbackLng: false,
    supportedLngs: [...languages],
    ns: Object.keys(namespaces),
    defaultNS: 'app',
    resources: buildResources(),
    interpolation: { escapeValue: false },
    initAsync: false,
    returnNull: false,
  });
  return instance;
}

export { namespaces, type Namespace };
