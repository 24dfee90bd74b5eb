/**
 * Module hooks that register the sample partner the way a developer would, with one line per
 * registry, without editing a registry file: each registry module gets the line appended as it
 * loads. Used by `register.ts` (`node --import`) in the sample-partner tests only.
 */
import type { LoadHook } from 'node:module';

const here = new URL('./', import.meta.url);
const additions: ReadonlyArray<[suffix: string, line: string]> = [
  [
    '/shared/integrations/registry.ts',
    `import { sampleIntegration } from '${new URL('shared/integration.ts', here).href}';\n` +
      'integrations.push(sampleIntegration);',
  ],
  [
    '/main/integrations/registry.ts',
    `import { sampleMain } from '${new URL('main/integration.ts', here).href}';\n` +
      'mainIntegrations.push(sampleMain);',
  ],
];

export const load: LoadHook = async (url, context, nextLoad) => {
  const loaded = await nextLoad(url, context);
  const addition = additions.find(([suffix]) => url.endsWith(suffix));
  if (!addition || loaded.source === undefined || loaded.source === null) return loaded;
  const source =
    typeof loaded.source === 'string' ? loaded.source : new TextDecoder().decode(loaded.source);
  return { ...loaded, source: `${source}\n${addition[1]}\n` };
};
