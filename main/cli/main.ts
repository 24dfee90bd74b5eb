import packageJson from '../../package.json' with { type: 'json' };
import type { CliIo, ProcessIo } from './command.ts';
import { isParseArgsError, UsageError } from './command.ts';
import { commands } from './commands/index.ts';
import { linesOf, terminalOutput } from './terminal.ts';

/** `partner-setup <command> [options]`; returns the process exit code. */
export async function main(argv: string[], processIo: ProcessIo): Promise<number> {
  const io: CliIo = {
    stdout: terminalOutput(processIo.stdout, processIo.env),
    stderr: terminalOutput(processIo.stderr, processIo.env),
    env: processIo.env,
  };
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout.lines(...helpLines());
    return name === undefined ? 2 : 0;
  }
  if (name === '--version' || name === '-v') {
    io.stdout.lines(packageJson.version);
    return 0;
  }
  const entry = commands.find((c) => c.name === name);
  if (!entry) {
    // Loaded only here: the translations would slow every `--help`.
    const { cliTranslator } = await import('./cli-language.ts');
    io.stderr.lines(`partner-setup: ${cliTranslator(rest)('cli:unknownCommand', { name })}`);
    return 2;
  }
  try {
    const command = await entry.load();
    if (rest.includes('--help') || rest.includes('-h')) {
      io.stdout.lines(...linesOf(command.usage));
      return 0;
    }
    return await command.run(rest, io);
  } catch (error) {
    io.stderr.lines(`partner-setup ${name}: ${describe(error)}`);
    if (io.env.PARTNER_SETUP_DEBUG === '1' && error instanceof Error && error.stack) {
      io.stderr.lines(...linesOf(error.stack));
    }
    // Never 1, which says a check failed: whatever stopped the command, no verdict was reached.
    return 2;
  }
}

/** One line: usage errors as written, anything else with the hint that shows its stack. */
function describe(error: unknown): string {
  if (error instanceof UsageError || isParseArgsError(error)) return error.message;
  const message = error instanceof Error ? error.message : String(error);
  const firstLine = message.split('\n', 1)[0] ?? '';
  return `${firstLine} (PARTNER_SETUP_DEBUG=1 prints the details)`;
}

function helpLines(): string[] {
  const width = Math.max(...commands.map((c) => c.name.length));
  const lines = commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`);
  return [
    'Partner Setup Assistant: set up and verify Braze partner integrations.',
    '',
    'Usage: partner-setup <command> [options]',
    '',
    'Commands:',
    ...lines,
    '',
    'Run "partner-setup <command> --help" for its options.',
  ];
}
