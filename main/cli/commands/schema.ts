import { clientFileJsonSchema } from '../../../shared/client-file.ts';
import { cliTranslator } from '../cli-language.ts';
import { UsageError, type Command } from '../command.ts';
import { linesOf } from '../terminal.ts';

const schemas: Record<string, () => Record<string, unknown>> = { client: clientFileJsonSchema };

export const schemaCommand: Command = {
  usage:
    'Usage: partner-setup schema client\n\nPrints the JSON Schema of the client file read by "partner-setup check --client-file".',
  run(argv, io) {
    const [name, ...rest] = argv;
    if (name === undefined || !Object.hasOwn(schemas, name) || rest.length > 0) {
      const t = cliTranslator(argv);
      return Promise.reject(new UsageError(t('cli:schema.expected', { got: argv.join(' ') })));
    }
    io.stdout.lines(...linesOf(JSON.stringify((schemas[name] as () => unknown)(), null, 2)));
    return Promise.resolve(0);
  },
};
