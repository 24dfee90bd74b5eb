import { bundleLimits } from '../../../shared/bundle/limits.ts';
import { bundleRefusalText } from '../../../shared/bundle/problems.ts';
import { tooLargeProblem } from '../../../shared/bundle/size.ts';
import { AppError } from '../../../shared/errors.ts';
import { findConflict, importBundle, readBundle } from '../../bundles/import.ts';
import { NewHostsRefused } from '../../secret-hosts/imported-hosts.ts';
import { cliTranslator, parseCliArgs } from '../cli-language.ts';
import { openCliServices } from '../cli-services.ts';
import { readInputFile } from '../read-input-file.ts';
import { UsageError, type Command } from '../command.ts';
import { hostChangesText } from '../host-changes-text.ts';

export const importCommand: Command = {
  usage: [
    'Usage: partner-setup import FILE [--replace | --as-new] [--trust-new-endpoints]',
    '',
    'Adds the client in FILE (a bundle made by "partner-setup export" or the app). Everything is',
    'checked first; on any problem nothing changes and one line says what is wrong (exit 2).',
    'If a client with the same identity or name exists, choose:',
    '  --replace   overwrite it (its keychain secrets stay)',
    '  --as-new    keep both',
    'A replace that would send the kept secrets to other hosts (another Braze instance, a changed',
    'endpoint or URL) is refused unless you trust them:',
    '  --trust-new-endpoints  send the secrets to the hosts the bundle names',
  ].join('\n'),
  async run(argv, io) {
    const usageT = cliTranslator(argv);
    const { values, positionals } = parseCliArgs('import', usageT, {
      args: argv,
      options: {
        replace: { type: 'boolean' },
        'as-new': { type: 'boolean' },
        'trust-new-endpoints': { type: 'boolean' },
      },
      allowPositionals: true,
      strict: true,
    });
    if (positionals.length !== 1) throw new UsageError(usageT('cli:import.oneFile'));
    if (values.replace && values['as-new']) {
      throw new UsageError(usageT('cli:import.replaceOrNew'));
    }
    const path = positionals[0] as string;
    const services = await openCliServices(io);
    const { t, store, secrets } = services;
    const file = await readInputFile(path, bundleLimits.maxBytes);
    if (!file.ok) {
      if (file.reason === 'notAFile') throw new UsageError(t('cli:notAFile', { path }));
      if (file.reason === 'unreadable') {
        throw new UsageError(t('reports:cli.readFailed', { file: path }));
      }
      throw new UsageError(bundleRefusalText(tooLargeProblem, t));
    }
    const { text } = file;
    /** The client whose saved secrets a replace keeps: the one the refusal names. */
    let replacing = '';
    try {
      const bundle = await readBundle(text, t);
      const conflict = findConflict(store, bundle);
      replacing = conflict?.name ?? bundle.name;
      if (conflict && !values.replace && !values['as-new']) {
        throw new UsageError(
          t('reports:cli.exists', {
            match: t(`reports:bundle.match.${conflict.match}`),
            name: conflict.name,
          }),
        );
      }
      const outcome = await importBundle(store, text, {
        onConflict: values.replace ? 'replace' : 'new',
        t,
        redact: (clientId, inputId, value) => secrets.redactInput(clientId, inputId, value),
        newHosts: values['trust-new-endpoints'] ? 'trust' : 'refuse',
      });
      const key = outcome.replaced ? 'reports:cli.replaced' : 'reports:cli.imported';
      io.stdout.lines(t(key, { name: outcome.client.name }));
      if (outcome.hostChanges.length > 0) {
        const changes = hostChangesText(outcome.hostChanges, t);
        io.stdout.lines(t('cli:import.hostsTrusted', { changes }));
      }
      return 0;
    } catch (error) {
      if (error instanceof AppError) throw new UsageError(error.message);
      if (error instanceof NewHostsRefused) {
        const changes = hostChangesText(error.changes, t);
        throw new UsageError(t('cli:import.newHosts', { name: replacing, changes }));
      }
      throw error;
    }
  },
};
