import i18next from 'i18next';
import { i18nOptions, type LanguageResources } from '../../shared/i18n/options.ts';
import type { Language } from '../../shared/types/ids.ts';

type LocaleModule = { default: LanguageResources };

// One chunk per language (renderer/locale-chunks.ts), loaded when first needed.
const loaders: Record<Language, () => Promise<LocaleModule>> = {
  en: () => import('virtual:partner-setup-locale/en'),
  fr: () => import('virtual:partner-setup-locale/fr'),
  pt: () => import('virtual:partner-setup-locale/pt'),
  es: () => import('virtual:partner-setup-locale/es'),
  de: () => import('virtual:partner-setup-locale/de'),
};

/** The renderer's one i18next instance; react-i18next reads it through `I18nextProvider`. */
export const i18n = i18next.createInstance();

const reflectLanguage = (language: string): void => {
  document.documentElement.lang = language;
  document.title = i18n.t('app:appName');
};

export async function initI18n(language: Language): Promise<void> {
  const { default: texts } = await loaders[language]();
  await i18n.init({ ...i18nOptions(language, { [language]: texts }), ns: Object.keys(texts) });
  reflectLanguage(i18n.language);
  i18n.on('languageChanged', reflectLanguage);
}

export async function switchLanguage(language: Language): Promise<void> {
  if (i18n.language === language) return;
  if (!i18n.hasResourceBundle(language, 'app')) {
    const { default: texts } = await loaders[language]();
    for (const [ns, tree] of Object.entries(texts)) i18n.addResourceBundle(language, ns, tree);
  }
  await i18n.changeLanguage(language);
}
