import { parseArgs, type ParseArgsConfig } from 'node:util';
import { LanguageSchema, type Language } from '../../shared/types/ids.ts';
import { isParseArgsError, UsageError } from './command.ts';
import { i18nFor, type Translate } from '../translate.ts';

/**
 * The language of the CLI's messages: the last valid `--lang xx` or `--lang=xx` on the command
 * line, read before the options are parsed so that an error in them is already in that language;
 * English without it (the report's default too, whatever the shell's locale).
 */
export function cliLanguage(argv: readonly string[]): Language {
  let language: Language = 'en';
  argv.forEach((arg, index) => {
    const value = arg.startsWith('--lang=')
      ? arg.slice('--lang='.length)
      : arg === '--lang'
        ? argv[index + 1]
        : undefined;
    const parsed = LanguageSchema.safeParse(value);
    if (parsed.success) language = parsed.data;
  });
  return language;
}

export const cliTranslator = (argv: readonly string[]): Translate => {
  const i18n = i18nFor(cliLanguage(argv));
  return (key, params) => i18n.t(key, params ?? {});
};

/**
 * parseArgs' own English message, said in the CLI's language: the option it names (Node quotes it
 * as '--name' or '--name <value>') and where to read the command's usage.
 */
export function parseArgsProblem(
  error: Error & { code: string },
  command: string,
  t: Translate,
): string {
  const option = /'(-{1,2}[\w-]+)/.exec(error.message)?.[1];
  if (option === undefined) return error.message;
  const key =
    error.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' ? 'cli:unknownOption' : 'cli:optionValue';
  return t(key, { option, command });
}

/** parseArgs for `partner-setup <command>`: its own errors become usage errors in the CLI's language. */
export function parseCliArgs<T extends ParseArgsConfig>(
  command: string,
  t: Translate,
  config: T,
): ReturnType<typeof parseArgs<T>> {
  try {
    return parseArgs(config);
  } catch (error) {
    if (isParseArgsError(error)) throw new UsageError(parseArgsProblem(error, command, t));
    throw error;
  }
}
