// Imports one bundle and stops inside it: once the client is built and its inputs are being
// redacted, it says "redacting" and waits for a line on stdin that never comes, so a test can
// SIGKILL it at that point. argv: <home> <bundle file>.
import { once } from 'node:events';
import { readFile } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { importBundle } from '../../main/bundles/import.ts';
import { createServices } from '../../main/services.ts';
import { memoryKeychain } from './memory-keychain.ts';

export const redactingLine = 'redacting';

if (import.meta.main) {
  const [home, bundleFile] = process.argv.slice(2) as [string, string];
  const services = await createServices({ home, mode: 'cli', keychain: memoryKeychain() });
  const lines = createInterface({ input: process.stdin });
  await importBundle(services.store, await readFile(bundleFile, 'utf8'), {
    onConflict: 'new',
    t: services.t,
    newHosts: 'pending',
    redact: async (_clientId, _inputId, value) => {
      process.stdout.write(`${redactingLine}\n`);
      await once(lines, 'line');
      return value;
    },
  });
}
