import { bundleLimits } from './limits.ts';
import type { BundleProblem } from './problems.ts';

/**
 * The size check comes first everywhere a bundle arrives: the app refuses an oversized file before
 * reading it, main before parsing it, with the same message.
 */
export const exceedsBundleSize = (bytes: number): boolean => bytes > bundleLimits.maxBytes;

export const tooLargeProblem: BundleProblem = {
  key: 'tooLarge',
  params: { maxMb: bundleLimits.maxBytes / 1024 / 1024 },
};
