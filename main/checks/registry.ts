import type { CheckDefinition } from './types.ts';

/** Every automated check the app implements; guides reference them by id. */
export const checkRegistry: readonly CheckDefinition[] = [];
