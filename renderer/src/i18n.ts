import { createI18n } from '../../shared/i18n/index.ts';
import type { Language } from '../../shared/types/ids.ts';

/** The renderer's one i18next instance; react-i18next reads it through `I18nextProvider`. */
export const i18n = createI18n('en');

const reflectLanguage = (language: string): void => {
  document.documentElement.lang = language;
  document.title = i18n.t('app:appName');
};

reflectLanguage(i18n.language);
i18n.on('languageChanged', reflectLanguage);

export async function switchLanguage(language: Language): Promise<void> {
  if (i18n.language !== language) await i18n.changeLanguage(language);
}
