import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { languages } from '../../shared/types/ids.ts';
import { namespaces } from '../../shared/i18n/namespaces.ts';
import { createI18n } from '../../shared/i18n/index.ts';
import { flattenLocale, interpolationVariables, type LocaleTree } from '../support/locale-tree.ts';

/*
 * Every namespace registered for the app, whoever owns it: each of the five languages must carry
 * exactly English's keys, none empty, with the same interpolation variables.
 */
for (const [ns, byLanguage] of Object.entries(namespaces) as [string, Record<string, unknown>][]) {
  describe(`locale namespace "${ns}"`, () => {
    it('holds the five languages and nothing else', () => {
      assert.deepEqual(Object.keys(byLanguage).sort(), [...languages].sort());
    });

    const english = flattenLocale((byLanguage.en ?? {}) as LocaleTree);

    for (const language of languages) {
      const translated = flattenLocale((byLanguage[language] ?? {}) as LocaleTree);

      it(`${language}: every value is a non-empty string`, () => {
        const bad = [...translated].filter(([, v]) => typeof v !== 'string' || v.trim() === '');
        assert.deepEqual(
          bad.map(([key]) => key),
          [],
        );
      });

      if (language === 'en') continue;

      it(`${language}: has exactly the keys of en`, () => {
        const missing = [...english.keys()].filter((key) => !translated.has(key));
        const extra = [...translated.keys()].filter((key) => !english.has(key));
        assert.deepEqual({ missing, extra }, { missing: [], extra: [] });
      });

      it(`${language}: uses the same interpolation variables as en`, () => {
        const mismatched = [...english]
          .filter(([key]) => translated.has(key))
          .map(([key, en]) => ({
            key,
            en: interpolationVariables(String(en)),
            translated: interpolationVariables(String(translated.get(key))),
          }))
          .filter((row) => row.en.join() !== row.translated.join());
        assert.deepEqual(mismatched, []);
      });
    }
  });
}

describe('i18n runtime', () => {
  it('resolves a key of every namespace in every language, without falling back to English', () => {
    for (const language of languages) {
      const i18n = createI18n(language);
      for (const [ns, byLanguage] of Object.entries(namespaces) as [
        string,
        Record<string, unknown>,
      ][]) {
        const [first] = flattenLocale((byLanguage.en ?? {}) as LocaleTree).keys();
        if (first === undefined) continue;
        const expected = flattenLocale((byLanguage[language] ?? {}) as LocaleTree).get(first);
        assert.equal(i18n.getResource(language, ns, first), expected, `${language} ${ns}:${first}`);
      }
    }
  });
});
