#!/usr/bin/env node
// The CLI runs its TypeScript sources directly, which needs Node's built-in type stripping.
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 18)) {
  console.error(
    `partner-setup needs Node 22.18 or newer (this is ${process.version}). ` +
      'Run it through npx in the project folder, which uses the Node 24 installed by npm install.',
  );
  process.exit(2);
}
const { main } = await import('../main/cli/main.ts');
process.exitCode = await main(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
});
