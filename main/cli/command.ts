import type { VerdictName } from '../../shared/verdict/verdict.ts';
import type { ProcessStream, TerminalOutput } from './terminal.ts';

/** What the process gives the CLI: its own streams and environment. */
export interface ProcessIo {
  stdout: ProcessStream;
  stderr: ProcessStream;
  env: NodeJS.ProcessEnv;
}

/**
 * What a sub-command writes through: lines only, escaped on the way out (main/cli/terminal.ts),
 * so no command can print a service's text or a name raw.
 */
export interface CliIo {
  stdout: TerminalOutput;
  stderr: TerminalOutput;
  env: NodeJS.ProcessEnv;
}

/**
 * A `partner-setup <name>` sub-command: its options and behaviour (its name and one-line summary
 * live in the command table). Exit codes: 0 ok (for `check`: verified), 1 a check failed, 2 usage,
 * input or environment error, 3 not verified (`check`: nothing failed, but a check could not reach
 * a verdict), `interruptedExitCode` when Ctrl-C stopped a run.
 */
export interface Command {
  usage: string;
  run(argv: string[], io: CliIo): Promise<number>;
}

/** A usage or input error: the CLI prints its message as one line and exits 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** node:util parseArgs reports unknown or malformed options with these codes. */
export const isParseArgsError = (error: unknown): error is Error & { code: string } => {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS');
};

/** 128 + SIGINT, what a shell reports for Ctrl-C: an interrupted CI run must never look green. */
export const interruptedExitCode = 130;

/**
 * `partner-setup check`'s exit status is its verdict, so a scheduled job never goes green with
 * nothing verified: 0 every check passed or warned, 1 one failed, 3 none failed but one could not
 * reach a verdict (inconclusive, skipped for a missing secret, input or dependency, offline).
 */
export const verdictExitCodes: Readonly<Record<VerdictName, number>> = {
  verified: 0,
  failing: 1,
  'not-verified': 3,
};
