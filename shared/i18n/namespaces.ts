import app from '../locales/app.json' with { type: 'json' };
import errors from '../locales/errors.json' with { type: 'json' };
import checks from '../locales/checks.json' with { type: 'json' };
import dashboard from '../locales/dashboard.json' with { type: 'json' };
import reports from '../locales/reports.json' with { type: 'json' };
import cli from '../locales/cli.json' with { type: 'json' };
import { integrationTexts } from '../integrations/registry.ts';
import type { NamespaceFile } from '../integrations/types.ts';
import type { Tree } from './options.ts';

const coreNamespaces = { app, errors, checks, reports, dashboard, cli } as const;

/** Adds `extra` into `base` (a copy); a key both define is a mistake, not an override. */
function mergeTree(base: Tree, extra: Tree, path: string): Tree {
  const out: Tree = { ...base };
  for (const [key, value] of Object.entries(extra)) {
    const here = out[key];
    if (here === undefined) out[key] = value;
    else if (typeof here === 'object' && typeof value === 'object')
      out[key] = mergeTree(here, value, `${path}.${key}`);
    else throw new Error(`Two texts for ${path}.${key}`);
  }
  return out;
}

/** A core namespace with the keys integrations add to it (their check names, their labels …). */
function withContributions(name: string, file: NamespaceFile): NamespaceFile {
  let merged: Record<string, Tree> = { ...file };
  for (const { contributions } of integrationTexts) {
    const extra = contributions[name];
    if (!extra) continue;
    merged = Object.fromEntries(
      Object.entries(merged).map(([lang, tree]) => [
        lang,
        mergeTree(tree, extra[lang] ?? {}, `${name}:${lang}`),
      ]),
    );
  }
  return merged;
}

/**
 * Each namespace file holds all five languages side by side, so a missing translation is visible
 * next to the English it should match (and a test fails on it). The core's namespaces, with what
 * integrations add to them, then each integration's own.
 */
export const namespaces: Readonly<Record<string, NamespaceFile>> = {
  ...Object.fromEntries(
    Object.entries(coreNamespaces).map(([name, file]) => [name, withContributions(name, file)]),
  ),
  ...Object.fromEntries(integrationTexts.flatMap((texts) => Object.entries(texts.namespaces))),
};
