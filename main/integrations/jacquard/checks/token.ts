import type { CheckDefinition, CheckOutcome } from '../../../checks/types.ts';
import { outcome } from '../outcome.ts';

/** Shorter than this is almost certainly a partial paste. */
export const MIN_TOKEN_LENGTH = 16;

export const jacquardTokenCheck: CheckDefinition = {
  id: 'jacquard.token',
  requires: { secrets: ['jacquard.connectToken'], network: false },
  async run(ctx): Promise<CheckOutcome> {
    const token = (await ctx.secrets.get('jacquard.connectToken')) ?? '';
    if (/\s/.test(token)) return outcome('fail', 'jacquard.token.whitespace');
    if (token.length < MIN_TOKEN_LENGTH) {
      return outcome('fail', 'jacquard.token.tooShort', {
        length: token.length,
        minimum: MIN_TOKEN_LENGTH,
      });
    }
    if (/["'{}<>%]/.test(token)) return outcome('fail', 'jacquard.token.characters');
    return outcome('pass', 'jacquard.token.ok', { length: token.length });
  },
};
