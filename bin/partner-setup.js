#!/usr/bin/env node
// The CLI runs its TypeScript sources directly, which needs Node's built-in type stripping: on by
// default from Node 22.18, behind --experimental-strip-types on 22.12–22.17.
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 12)) {
  console.error(
    `partner-setup needs Node 22.12 or newer (this is ${process.version}). ` +
      'Run it through npx in the project folder, which uses the Node 24 installed by npm install.',
  );
  process.exit(2);
}

if (process.features.typescript) {
  const { main } = await import('../main/cli/main.ts');
  process.exitCode = await main(process.argv.slice(2), {
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
  });
} else {
  // This Node strips types only when told so at start-up: run the CLI again in one that is.
  // Loaded here only, so a Node that strips types by itself starts no faster or slower.
  const { spawn } = await import('node:child_process');
  const { constants } = await import('node:os');
  const { fileURLToPath } = await import('node:url');
  const child = spawn(
    process.execPath,
    [
      '--experimental-strip-types',
      '--disable-warning=ExperimentalWarning',
      ...process.execArgv,
      fileURLToPath(import.meta.url),
      ...process.argv.slice(2),
    ],
    // Its own process group, so Ctrl-C reaches it once, through us, and never twice.
    { stdio: 'inherit', detached: true },
  );
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'])
    process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => {
    process.exitCode = code ?? 128 + (constants.signals[signal] ?? 0);
  });
}
