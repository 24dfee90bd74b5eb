import { checkIdsFor } from '../../../shared/guides/index.ts';
import { moduleIds, secretEnvVars } from '../../../shared/integrations/lists.ts';
import { LanguageSchema } from '../../../shared/types/ids.ts';
import { insecureLoopbackFromEnv } from '../../net/url-policy.ts';
import type { Translate } from '../../translate.ts';
import { parseCliArgs } from '../cli-language.ts';
import { interruptedExitCode, UsageError } from '../command.ts';

/** What `--only` may name before a client is read: an integration, or a check some guide names. */
const onlyChoices: ReadonlySet<string> = new Set([...moduleIds, ...checkIdsFor()]);

export const usage = [
  'Usage: partner-setup check (--client NAME | --client-file FILE) [options]',
  '',
  'Runs the automated checks of one client, on the same engine as the app.',
  '  --client NAME              a client saved in the app; secrets from the OS keychain',
  '  --client-file FILE         a client file (JSON, see "partner-setup schema client");',
  `                             secrets from ${Object.values(secretEnvVars).join(', ')}`,
  `  --only ID                  an integration (${moduleIds.join(', ')}) or a check id`,
  '  --opt-in NAME              allow a check that needs consent (repeatable), e.g. s3.write',
  '  --json                     one JSON document on stdout, messages in English',
  '  --lang LANG                en, fr, pt, es or de (default: en)',
  '  --timeout MS               time each network request may take, retries and rate-limit',
  '                             waits included (default 10000)',
  '  --allow-insecure-loopback  allow plain http to 127.0.0.1 / localhost (local test services);',
  '                             also PARTNER_SETUP_ALLOW_INSECURE_LOOPBACK=1',
  '',
  'Exit status is the verdict:',
  '  0    verified: every check that applies passed or warned',
  '  1    failing: a check failed',
  '  3    not verified: nothing failed, but a check could not reach a verdict (inconclusive,',
  '       skipped for a missing secret, input or dependency, offline); an opt-in not given is',
  '       "not requested" and counts against nothing',
  '  2    usage, input or environment error',
  `  ${interruptedExitCode}  interrupted (Ctrl-C); the report lists what did not finish`,
  'With --json the document states the same verdict ("verdict": "verified" | "failing" |',
  '"not-verified"), overall and per integration ("integrations").',
].join('\n');

/** Options as parseArgs reads them; its own errors said in the CLI's language. */
function readArgs(argv: string[], t: Translate) {
  return parseCliArgs('check', t, {
    args: argv,
    options: {
      client: { type: 'string' },
      'client-file': { type: 'string' },
      only: { type: 'string' },
      'opt-in': { type: 'string', multiple: true, default: [] },
      json: { type: 'boolean', default: false },
      lang: { type: 'string', default: 'en' },
      timeout: { type: 'string' },
      'allow-insecure-loopback': { type: 'boolean', default: false },
    },
    strict: true,
    allowPositionals: true,
  });
}

/** The options of `partner-setup check`, checked before anything heavy is loaded. */
export function parseOptions(argv: string[], env: NodeJS.ProcessEnv, t: Translate) {
  const { values, positionals } = readArgs(argv, t);
  if (positionals.length > 0)
    throw new UsageError(t('cli:check.positional', { argument: positionals[0] }));
  if ((values.client === undefined) === (values['client-file'] === undefined)) {
    throw new UsageError(t('cli:check.oneSource'));
  }
  const only = values.only;
  if (only !== undefined && !onlyChoices.has(only)) {
    throw new UsageError(t('cli:check.only', { value: only, choices: moduleIds.join(', ') }));
  }
  const lang = LanguageSchema.safeParse(values.lang);
  if (!lang.success) throw new UsageError(t('cli:lang', { value: values.lang }));
  const timeoutMs = values.timeout === undefined ? 10_000 : Number(values.timeout);
  if (!Number.isInteger(timeoutMs) || timeoutMs < 1 || timeoutMs > 600_000) {
    throw new UsageError(t('cli:check.timeout', { value: values.timeout ?? '' }));
  }
  return {
    client: values.client,
    clientFile: values['client-file'],
    only,
    optIns: values['opt-in'],
    json: values.json,
    lang: lang.data,
    timeoutMs,
    allowInsecureLoopback: values['allow-insecure-loopback'] || insecureLoopbackFromEnv(env),
  };
}

export type CheckOptions = ReturnType<typeof parseOptions>;
