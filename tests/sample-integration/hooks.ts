/**
 * Module hooks that register the sample partner while the app's modules load (`register.ts`, for
 * `node --import`): each registry module gets its one line; see `additions.ts`.
 */
import type { LoadHook } from 'node:module';
import { withSample } from './additions.ts';

export const load: LoadHook = async (url, context, nextLoad) => {
  const loaded = await nextLoad(url, context);
  if (loaded.source === undefined || loaded.source === null) return loaded;
  const source =
    typeof loaded.source === 'string' ? loaded.source : new TextDecoder().decode(loaded.source);
  const added = withSample(new URL(url).pathname, source);
  return added === null ? loaded : { ...loaded, source: added };
};
