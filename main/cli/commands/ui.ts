import { spawn } from 'node:child_process';
import { parseArgs } from 'node:util';
import { openCliServices } from '../cli-services.ts';
import { ensureRendererBuilt } from '../../web/renderer-build.ts';
import { startWebServer } from '../../web/server.ts';
import { UsageError, type Command } from '../command.ts';

export const uiCommand: Command = {
  usage: [
    'Usage: partner-setup ui [--port N] [--no-open] [--allow-insecure-loopback]',
    '',
    'Serves the app on 127.0.0.1 and opens it in your browser with a one-time link.',
    '  --port N    listen on port N (default: a free port)',
    '  --no-open   print the link instead of opening the browser',
    '  --allow-insecure-loopback',
    '              let checks use plain http to services on this machine (local test services)',
  ].join('\n'),
  async run(argv, io) {
    const { values } = parseArgs({
      args: argv,
      options: {
        port: { type: 'string' },
        'no-open': { type: 'boolean', default: false },
        'allow-insecure-loopback': { type: 'boolean', default: false },
      },
      strict: true,
    });
    const port = values.port === undefined ? 0 : Number(values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535) {
      throw new UsageError(`--port must be a port number, not "${values.port}".`);
    }
    const services = await openCliServices(io, {
      mode: 'browser',
      allowInsecureLoopback: values['allow-insecure-loopback'],
    });
    const rendererDir = await ensureRendererBuilt(io.env);
    const server = await startWebServer({ services, rendererDir, port });
    io.stdout.lines(`Partner Setup Assistant: ${server.url}`);
    if (!values['no-open']) openInBrowser(server.url);
    await new Promise<void>((resolve) => {
      const stop = (): void => resolve();
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
    await server.close();
    return 0;
  },
};

export function openInBrowser(url: string): void {
  const [command, args] =
    process.platform === 'darwin'
      ? ['open', [url]]
      : process.platform === 'win32'
        ? ['cmd', ['/c', 'start', '', url]]
        : ['xdg-open', [url]];
  const child = spawn(command, args, { stdio: 'ignore', detached: true });
  child.on('error', () => undefined);
  child.unref();
}
