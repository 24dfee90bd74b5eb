/**
 * The one line per registry that registers the sample partner, as a developer adding a partner
 * would write it: appended to each registry module as it loads (Node) or is bundled (Vite), so no
 * registry file is edited on disk.
 */
const here = new URL('./', import.meta.url);

export const registryAdditions: ReadonlyArray<{ suffix: string; line: string }> = [
  {
    suffix: '/shared/integrations/registry.ts',
    line:
      `import { sampleIntegration } from '${new URL('shared/integration.ts', here).pathname}';\n` +
      `import { sampleTexts } from '${new URL('shared/texts.ts', here).pathname}';\n` +
      'integrations.push(sampleIntegration);\nintegrationTexts.push(sampleTexts);',
  },
  {
    suffix: '/main/integrations/registry.ts',
    line:
      `import { sampleMain } from '${new URL('main/integration.ts', here).pathname}';\n` +
      'mainIntegrations.push(sampleMain);',
  },
];

/** The source of a registry module with the sample's line added; other modules as they are. */
export function withSample(id: string, source: string): string | null {
  const addition = registryAdditions.find(({ suffix }) => id.endsWith(suffix));
  return addition ? `${source}\n${addition.line}\n` : null;
}
