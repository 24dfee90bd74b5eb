import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';

const bin = fileURLToPath(new URL('../../bin/partner-setup.js', import.meta.url));

export interface BrowserMode {
  /** The one-time link the CLI printed. */
  url: string;
  origin: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

/** Runs `partner-setup ui --no-open` as a real process on `home`, as a CSM would. */
export async function startBrowserMode(options: {
  home: string;
  env?: NodeJS.ProcessEnv;
  args?: string[];
}): Promise<BrowserMode> {
  const child = spawn(process.execPath, [bin, 'ui', '--no-open', ...(options.args ?? [])], {
    env: { ...process.env, ...options.env, PARTNER_SETUP_HOME: options.home },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Partner Setup Assistant: (\S+)/.exec(output);
      if (match?.[1]) resolve(match[1]);
    });
    child.once('exit', (code) => reject(new Error(`browser mode exited (${code}): ${output}`)));
  });
  return {
    url,
    origin: new URL(url).origin,
    process: child,
    async stop() {
      if (child.exitCode !== null) return;
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      await exited;
    },
  };
}
