// Runs one keychain write in its own process, so a test can give it a broken or locked session bus.
import { KeyringSecretStore } from '../../main/keychain/keyring-store.ts';
import { AppError } from '../../shared/errors.ts';

const store = new KeyringSecretStore(() => ({
  unavailable: 'UNAVAILABLE-TEXT',
  locked: 'LOCKED-TEXT',
}));
try {
  await store.set(
    '0b5f3a6e-4a0c-4f7e-9a51-2f0f3b1c1d2e',
    'braze.apiKey',
    'child-secret-value-123456',
  );
  process.stdout.write(JSON.stringify({ ok: true }));
} catch (error) {
  const code = error instanceof AppError ? error.code : 'UNEXPECTED';
  process.stdout.write(JSON.stringify({ ok: false, code, message: (error as Error).message }));
}
