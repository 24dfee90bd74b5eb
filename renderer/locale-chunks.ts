import type { Plugin } from 'vite';
import { resourcesFor } from '../shared/i18n/index.ts';
import { languages, type Language } from '../shared/types/ids.ts';

export const localeModulePrefix = 'virtual:partner-setup-locale/';

/**
 * The locale files hold all five languages side by side; shipping them whole would put every
 * language in the first bundle. This plugin serves `virtual:partner-setup-locale/<lang>`: one
 * language's texts, which Vite splits into a chunk of its own.
 */
export function localeChunks(): Plugin {
  const resolvedPrefix = `\0${localeModulePrefix}`;
  return {
    name: 'partner-setup-locale-chunks',
    resolveId: (id) => (id.startsWith(localeModulePrefix) ? `\0${id}` : null),
    load(id) {
      if (!id.startsWith(resolvedPrefix)) return null;
      const language = id.slice(resolvedPrefix.length) as Language;
      if (!languages.includes(language)) throw new Error(`No locale "${language}"`);
      return `export default ${JSON.stringify(resourcesFor(language))};`;
    },
  };
}
