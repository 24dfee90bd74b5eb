import { readdir, readFile } from 'node:fs/promises';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import assert from 'node:assert/strict';
import { languages } from '../../shared/types/ids.ts';
import { events, isChannel } from '../../shared/contract/index.ts';
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

/** Source files that name translation keys: the app's code, both sides. */
async function sourceFiles(): Promise<string[]> {
  const root = new URL('../../', import.meta.url);
  const files: string[] = [];
  for (const dir of ['main', 'renderer/src', 'shared', 'preload']) {
    for (const name of await readdir(new URL(dir, root), { recursive: true })) {
      if (/\.tsx?$/.test(name)) files.push(fileURLToPath(new URL(`${dir}/${name}`, root)));
    }
  }
  return files;
}

describe('keys named in the code', () => {
  it('every literal `namespace:key` in main, renderer, shared and preload exists in English', async () => {
    const nsPattern = Object.keys(namespaces)
      .sort((a, b) => b.length - a.length)
      .join('|');
    // A whole literal: keys built at run time (`checks:skip.${reason}`) are left to their own tests.
    const literal = new RegExp(`['"\`]((?:${nsPattern}):[A-Za-z0-9_.]*[A-Za-z0-9_])['"\`]`, 'g');
    const missing: string[] = [];
    for (const file of await sourceFiles()) {
      const text = await readFile(file, 'utf8');
      for (const [, key = ''] of text.matchAll(literal)) {
        // IPC channels and events share the `area:name` shape.
        if (isChannel(key) || Object.hasOwn(events, key)) continue;
        const [ns = '', path = ''] = key.split(':');
        const resource = (namespaces as Record<string, { en: LocaleTree }>)[ns]?.en;
        const found = path
          .split('.')
          .reduce<unknown>(
            (node, part) =>
              node && typeof node === 'object'
                ? (node as Record<string, unknown>)[part]
                : undefined,
            resource,
          );
        if (found === undefined) missing.push(`${file}: ${key}`);
      }
    }
    assert.deepEqual(missing, []);
  });
});
