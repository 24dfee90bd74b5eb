import { brazeChannels } from './braze/contract.ts';
import { brazeIntegration } from './braze/integration.ts';
import { brazeTexts } from './braze/texts.ts';
import { jacquardIntegration } from './jacquard/integration.ts';
import { jacquardTexts } from './jacquard/texts.ts';
import { odpChannels } from './optimizely/contract.ts';
import { optimizelyIntegration } from './optimizely/integration.ts';
import { optimizelyTexts } from './optimizely/texts.ts';
import type { IntegrationTexts } from './types.ts';

/**
 * The registry of integrations, shared half: with main's and the renderer's, the only place
 * outside an integration's own folders that names one. Every list the core needs (integration
 * ids, secrets, text namespaces, client-file sections, artifacts, opt-ins, link hosts) is derived
 * from it in `lists.ts`. A new integration is a folder per side and one line in each registry.
 */
export const integrations = [brazeIntegration, jacquardIntegration, optimizelyIntegration] as const;

/** Their texts, apart so that the renderer bundles none of them (it loads a language at a time). */
export const integrationTexts: readonly IntegrationTexts[] = [
  brazeTexts,
  jacquardTexts,
  optimizelyTexts,
];

/** IPC channels the integrations add to the contract. */
export const integrationChannels = { ...brazeChannels, ...odpChannels };
