import { cliTranslator } from '../cli-language.ts';
import type { Command } from '../command.ts';
import { parseOptions, usage } from './check-options.ts';

/**
 * `partner-setup check`: its options are checked first, so a usage error answers before the
 * engine, the integrations' checks and the AWS SDK are loaded (`check-run.ts`).
 */
export const checkCommand: Command = {
  usage,
  async run(argv, io) {
    const t = cliTranslator(argv);
    const options = parseOptions(argv, io.env, t);
    const { runCheck } = await import('./check-run.ts');
    return runCheck(options, io, t);
  },
};
