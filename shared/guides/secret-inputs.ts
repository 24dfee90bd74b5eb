import { allInputs } from './index.ts';
import { secretNames } from '../integrations/lists.ts';

/**
 * Input ids whose value is a secret: the guides' secret inputs and the keychain's secret names.
 * The app keeps their values only in the keychain, so `inputs:set`, a bundle or a client file that
 * carries one as a plain input is refused rather than written to the store.
 */
export const secretInputIds: ReadonlySet<string> = new Set([
  ...secretNames,
  ...allInputs()
    .filter((input) => input.kind === 'secret')
    .map((input) => input.id),
]);
